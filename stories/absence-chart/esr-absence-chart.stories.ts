import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { RequestHandler } from 'msw';
import { absenceAsOf, createAbsenceHandlers, type AbsenceScenario } from '@esr/sdk/testing';
import { storyClient } from '../payslip/mocks.ts';

interface Args {
  scenario: AbsenceScenario;
  view: 'person' | 'organisation';
  lang: 'en-GB' | 'cy';
  asOf: string;
}

/** Each story mocks one API scenario (the SDK's reference-server look-alike) before rendering. */
const story = (scenario: AbsenceScenario, args: Partial<Args> = {}, name?: string): StoryObj<Args> => ({
  ...(name ? { name } : {}),
  args: { scenario, ...args },
  beforeEach({ msw }) {
    msw.use(...(createAbsenceHandlers({ scenario }) as unknown as RequestHandler[]));
  },
});

const meta: Meta<Args> = {
  title: 'Widgets/Absence chart',
  component: 'esr-absence-chart',
  tags: ['autodocs'],
  args: { view: 'person', lang: 'en-GB', asOf: absenceAsOf },
  argTypes: {
    scenario: { control: false, description: 'API scenario mocked with msw (set per story)' },
    view: { control: 'inline-radio', options: ['person', 'organisation'] },
    lang: { control: 'inline-radio', options: ['en-GB', 'cy'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Sickness absence as a hand-written SVG bar chart: a person\'s working days lost each month with their Bradford factor, ' +
          'or a unit\'s monthly absence rate with reasons (HR). Arrow keys move between months; every figure is also in a table.',
      },
    },
  },
  render: (args) => html`<esr-absence-chart .client=${storyClient()} view=${args.view} lang=${args.lang} as-of=${args.asOf}></esr-absence-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

export const PersonData: Story = story('data');
export const PersonEmpty: Story = story('empty');
export const OrganisationData: Story = story('data', { view: 'organisation' });
export const OrganisationEmpty: Story = story('empty', { view: 'organisation' });
/** Someone who is not an HR administrator asks for a unit's rates (403). */
export const Forbidden: Story = story('forbidden', { view: 'organisation' });
export const ServerError: Story = story('error', {}, 'Error');
export const Unauthorised: Story = story('unauthorised');
export const Loading: Story = story('slow');
export const Offline: Story = story('offline');
/** Cymraeg: `lang="cy"` on the widget or any ancestor. */
export const WelshPersonData: Story = story('data', { lang: 'cy' });
export const WelshPersonEmpty: Story = story('empty', { lang: 'cy' });
export const WelshOrganisationData: Story = story('data', { view: 'organisation', lang: 'cy' });
export const WelshError: Story = story('error', { lang: 'cy' });
export const WelshLoading: Story = story('slow', { lang: 'cy' });
