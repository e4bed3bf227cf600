import { expect } from '@open-wc/testing';
import { formatDate, formatMoney, formatMonthYear } from './format.ts';
import { interpolate, resolveLocale } from './localize-controller.ts';
import { cy } from './cy.ts';
import { enGB } from './en-GB.ts';
import type { Messages } from './types.ts';
import { leaveTermsEnGB } from '../internal/leave-terms.ts';
import { leaveTermsCy } from '../internal/leave-terms.cy.ts';
import { payslipMessages } from '../payslip/messages.ts';
import { leaveRequestMessages } from '../leave-request/messages.ts';
import { approvalInboxMessages } from '../approval-inbox/messages.ts';
import { personalDetailsMessages } from '../personal-details/messages.ts';
import { courseCatalogueMessages } from '../course-catalogue/messages.ts';
import { trainingComplianceMessages } from '../training-compliance/messages.ts';
import { absenceChartMessages } from '../absence-chart/messages.ts';

// Every string table: the common one and each widget's own. A new widget adds its messages here.
const TABLES: Record<string, Messages<object>> = {
  common: { 'en-GB': enGB, cy: async () => cy },
  'leave terms': { 'en-GB': leaveTermsEnGB, cy: async () => leaveTermsCy },
  '<esr-payslip>': payslipMessages,
  '<esr-leave-request>': leaveRequestMessages,
  '<esr-approval-inbox>': approvalInboxMessages,
  '<esr-personal-details>': personalDetailsMessages,
  '<esr-course-catalogue>': courseCatalogueMessages,
  '<esr-training-compliance>': trainingComplianceMessages,
  '<esr-absence-chart>': absenceChartMessages,
};

describe('i18n', () => {
  it('formats integer pence as GBP without floating-point drift', () => {
    expect(formatMoney(195239, 'en-GB')).to.equal('£1,952.39');
    expect(formatMoney(0, 'en-GB')).to.equal('£0.00');
    expect(formatMoney(5, 'en-GB')).to.equal('£0.05');
    expect(formatMoney(-12345, 'en-GB')).to.equal('-£123.45');
    // 0.1 + 0.2 territory: 1.15 * 100 is 114.99999999999999 as a float
    expect(formatMoney(115, 'en-GB')).to.equal('£1.15');
    expect(formatMoney(900719925474099, 'en-GB')).to.equal('£9,007,199,254,740.99');
    expect(formatMoney(195239, 'cy')).to.equal('£1,952.39');
  });

  it('formats ISO dates in UTC, in English and Welsh', () => {
    expect(formatDate('2026-10-30', 'en-GB')).to.equal('30 October 2026');
    expect(formatMonthYear('2026-10-30', 'en-GB')).to.equal('October 2026');
    expect(formatMonthYear('2026-10-30', 'cy')).to.equal('Hydref 2026');
    expect(formatDate('2026-04-01', 'cy')).to.equal('1 Ebrill 2026');
  });

  it('resolves locales: cy and cy-GB are Welsh, anything else is en-GB', () => {
    expect(resolveLocale('cy')).to.equal('cy');
    expect(resolveLocale('CY-gb')).to.equal('cy');
    expect(resolveLocale('en')).to.equal('en-GB');
    expect(resolveLocale('fr-FR')).to.equal('en-GB');
    expect(resolveLocale('')).to.equal('en-GB');
    expect(resolveLocale(undefined)).to.equal('en-GB');
  });

  it('interpolates %{placeholders} and leaves unknown ones visible', () => {
    expect(interpolate('Reference: %{requestId}', { requestId: 'req_1' })).to.equal('Reference: req_1');
    expect(interpolate('%{a} and %{b}', { a: 1 })).to.equal('1 and %{b}');
  });

  for (const [name, messages] of Object.entries(TABLES)) {
    it(`has a Welsh string for every English key: ${name}`, async () => {
      const en = messages['en-GB'] as Record<string, unknown>;
      const welsh = (await messages.cy()) as Record<string, unknown>;
      const keys = Object.keys(en).sort();
      expect(Object.keys(welsh).sort()).to.deep.equal(keys);
      for (const key of keys) {
        if (typeof en[key] !== 'string') continue; // e.g. payslip line codes: a lookup, not a template
        expect(en[key], key).to.be.a('string').and.not.equal('');
        expect(welsh[key], key).to.be.a('string').and.not.equal('');
      }
    });
  }

  it('keeps widget strings out of the common table, and common keys out of the widgets', () => {
    const common = new Set(Object.keys(enGB));
    for (const [name, messages] of Object.entries(TABLES)) {
      if (name === 'common') continue;
      // A widget key equal to a common one would silently shadow it for that widget only.
      expect(Object.keys(messages['en-GB']).filter((k) => common.has(k)), name).to.deep.equal([]);
    }
    expect(payslipMessages['en-GB'].netPay).to.equal('Net pay');
    expect(cy.retry).to.equal('Ceisio eto');
  });
});
