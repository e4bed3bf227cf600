import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PayslipScenario } from '@esr/sdk/testing';
import { payslipHandlers, storyClient } from './mocks.ts';

interface Args {
  scenario: PayslipScenario;
  lang: 'en-GB' | 'cy';
  headingLevel: number;
  hidePicker: boolean;
}

/** Each story mocks one API scenario before rendering; the widget itself runs the real SDK. */
const withScenario = (scenario: PayslipScenario): Partial<StoryObj<Args>> => ({
  args: { scenario },
  beforeEach({ msw }) {
    msw.use(...payslipHandlers(scenario));
  },
});

const meta: Meta<Args> = {
  title: 'Widgets/Payslip',
  component: 'esr-payslip',
  tags: ['autodocs'],
  args: { lang: 'en-GB', headingLevel: 2, hidePicker: false },
  argTypes: {
    scenario: { control: false, description: 'API scenario mocked with msw (set per story)' },
    lang: { control: 'inline-radio', options: ['en-GB', 'cy'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A member of staff\'s payslip in the NHS.UK look. Loads through the ESR SDK (`client` property or `<esr-provider>`), ' +
          'renders loading, empty, error and data states, and is keyboard and screen-reader accessible (WCAG 2.2 AA).',
      },
    },
  },
  // A fresh client per render: the widget refetches, so switching stories never shows stale data.
  render: (args) => html`<esr-payslip
    .client=${storyClient()}
    lang=${args.lang}
    heading-level=${args.headingLevel}
    ?hide-picker=${args.hidePicker}
  ></esr-payslip>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Data: Story = withScenario('data');
export const Empty: Story = withScenario('empty');
/** The API failed with a 500: the message names the problem, quotes the request id and offers Try again. */
export const ServerError: Story = { ...withScenario('error'), name: 'Error' };
/** The bearer token is missing or expired (401). */
export const Unauthorised: Story = withScenario('unauthorised');
/** The API has not answered yet (the mock never responds). */
export const Loading: Story = withScenario('slow');
/** The network request failed before reaching the API. */
export const Offline: Story = withScenario('offline');
/** Cymraeg: `lang="cy"` on the widget or any ancestor. */
export const Welsh: Story = { ...withScenario('data'), args: { scenario: 'data', lang: 'cy' } };
export const WelshEmpty: Story = { ...withScenario('empty'), args: { scenario: 'empty', lang: 'cy' } };
export const WelshError: Story = { ...withScenario('error'), args: { scenario: 'error', lang: 'cy' } };
export const WelshLoading: Story = { ...withScenario('slow'), args: { scenario: 'slow', lang: 'cy' } };
/** "How was this worked out?" opened on income tax: the payroll calculator's explanation (recorded from the real engine). */
export const ExplainedDeduction: Story = {
  ...withScenario('data'),
  async play({ canvasElement }) {
    const el = canvasElement.querySelector('esr-payslip')!;
    const button = await new Promise<HTMLButtonElement>((resolve) => {
      const find = () => {
        const b = el.shadowRoot?.querySelector<HTMLButtonElement>('[aria-controls="explain-PAYE"]');
        if (b) resolve(b);
        else setTimeout(find, 50);
      };
      find();
    });
    button.click();
  },
};
