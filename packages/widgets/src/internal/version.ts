/**
 * The @esr/widgets version stamped onto every element class, so a guarded define can tell
 * "the same bundle loaded twice" (harmless) from "two different versions on one page" (worth a warning).
 * Keep in step with package.json (a unit test checks it).
 */
export const VERSION = '0.1.0';
