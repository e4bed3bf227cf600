// Binary downloads (payslip and P60 PDFs): the bytes as a Blob, and the file name to save them as.
import type { CallOptions, RequestOptions, Transport } from './transport.ts';
import { EsrError, redactRequest } from './errors.ts';
import type { operations } from './generated/openapi.ts';

/** A downloaded file: the body exactly as sent, and the name to save it under. */
export interface Download {
  /** The bytes, untouched (`blob.type` is the response's media type, e.g. `application/pdf`). */
  blob: Blob;
  /**
   * The server's suggested file name from `Content-Disposition` (`payslip-2026-10-30.pdf`), reduced to
   * a bare name (no directories, no control characters). When the header is missing or cannot be read
   * (in a browser, cross-origin, unless the API exposes it through CORS) it is a name the SDK makes up
   * from what it asked for, such as `payslip-pay_01hq3v6k2m.pdf`.
   */
  filename: string;
}

/** Label language of a PDF: English (the default) or Welsh. */
export type DocumentLanguage = NonNullable<NonNullable<operations['getMyPayslipPdf']['parameters']['query']>['lang']>;

export interface PdfOptions extends CallOptions {
  /** Label language: `en` (default) or `cy` (Welsh). */
  lang?: DocumentLanguage | undefined;
}

/**
 * The file name a `Content-Disposition` header suggests, or undefined. Prefers the RFC 8187
 * `filename*=UTF-8''…` form over `filename=`, unquotes quoted strings, and keeps only a bare name.
 */
export function filenameFromContentDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const params = new Map<string, string>();
  // `; name = value`, where value is a quoted string (with \-escapes) or a token running to the next `;`.
  for (const match of `;${header}`.matchAll(/;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const name = match[1]!.toLowerCase();
    let value = match[2]!.trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!params.has(name)) params.set(name, value);
  }
  const extended = decodeExtended(params.get('filename*'));
  return safeFilename(extended) ?? safeFilename(params.get('filename'));
}

/** RFC 8187 `charset'language'percent-encoded`: UTF-8 and ISO-8859-1 are the charsets it allows. */
function decodeExtended(value: string | undefined): string | undefined {
  const match = value ? /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value) : null;
  if (!match) return undefined;
  const charset = match[1]!.toLowerCase();
  try {
    if (charset === 'utf-8') return decodeURIComponent(match[2]!);
    if (charset === 'iso-8859-1') return match[2]!.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } catch {
    // malformed percent-encoding: fall back to filename=
  }
  return undefined;
}

/** A bare file name: the last path segment, without control characters; undefined if nothing is left. */
export function safeFilename(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? undefined : base;
}

/**
 * A GET whose success body is binary (a PDF): read as a `Blob`, never parsed as JSON. Failures are
 * still problem+json and become the same typed errors. A 2xx of another media type (a proxy's HTML
 * sign-in page, say) is an `EsrError` with code `unexpected_content_type`, not a corrupt download.
 */
export function download(transport: Transport, path: string, accept: string, options: RequestOptions): Promise<{ blob: Blob; response: Response }> {
  const headers = { ...options.headers, Accept: `${accept}, application/problem+json;q=0.9` };
  return transport.call('GET', path, { ...options, headers }, async (response, request) => {
    const type = response.headers.get('content-type');
    if (type !== null && type.split(';')[0]!.trim().toLowerCase() !== accept.toLowerCase()) {
      void response.body?.cancel().catch(() => {});
      throw new EsrError({
        status: response.status,
        code: 'unexpected_content_type',
        title: 'Unexpected response type',
        detail: `Expected ${accept} but the server answered ${type}.`,
        requestId: response.headers.get('x-request-id') ?? undefined,
        request: request && redactRequest(request),
        headers: response.headers,
      });
    }
    return { blob: await response.blob(), response };
  });
}

/** GETs a PDF: the blob, and the file name from Content-Disposition or `fallback`. */
export async function downloadPdf(transport: Transport, path: string, fallback: string, options: PdfOptions): Promise<Download> {
  const { lang, ...call } = options;
  const { blob, response } = await download(transport, path, 'application/pdf', { ...call, searchParams: { lang } });
  const filename = filenameFromContentDisposition(response.headers.get('content-disposition')) ?? safeFilename(fallback) ?? 'download.pdf';
  return { blob, filename };
}
