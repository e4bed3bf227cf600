import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from './define.ts';
import { VERSION } from './version.ts';
import { EsrPayslip } from '../payslip/esr-payslip.ts';
import '../define-all.ts';

describe('defineElement (guarded define)', () => {
  it('tolerates a second registration of the same tag, as when two bundles load', () => {
    // define-all ran once on import. A second bundle brings its own copy of the class, same version.
    class SecondCopy extends LitElement {
      static readonly esrVersion = VERSION;
    }
    expect(() => defineElement('esr-payslip', SecondCopy)).not.to.throw();
    expect(customElements.get('esr-payslip')).to.equal(EsrPayslip);
  });

  it('warns, once per call, when a different version already owns the tag', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      class OtherVersion extends LitElement {
        static readonly esrVersion = '99.0.0';
      }
      defineElement('esr-payslip', OtherVersion);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('already defined');
  });

  it('registers a new tag and returns its constructor', () => {
    class Fresh extends LitElement {}
    expect(defineElement('esr-test-fresh', Fresh)).to.equal(Fresh);
    expect(customElements.get('esr-test-fresh')).to.equal(Fresh);
  });

  it('stamps the package version on element classes', async () => {
    expect(EsrPayslip.esrVersion).to.equal(VERSION);
    // The test server's root is packages/widgets, so its package.json is one fetch away.
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});
