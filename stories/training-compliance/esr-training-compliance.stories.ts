import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { RequestHandler } from 'msw';
import { createLearningHandlers, type LearningScenario } from '@esr/sdk/testing';
import { storyClient } from '../payslip/mocks.ts';

interface Args {
  scenario: LearningScenario;
  view: 'person' | 'team';
  lang: 'en-GB' | 'cy';
}

const story = (scenario: LearningScenario, args: Partial<Args> = {}, name?: string): StoryObj<Args> => ({
  ...(name ? { name } : {}),
  args: { scenario, ...args },
  beforeEach({ msw }) {
    msw.use(...(createLearningHandlers({ scenario }) as unknown as RequestHandler[]));
  },
});

const meta: Meta<Args> = {
  title: 'Widgets/Training compliance',
  component: 'esr-training-compliance',
  tags: ['autodocs'],
  args: { view: 'person', lang: 'en-GB' },
  argTypes: {
    scenario: { control: false, description: 'API scenario mocked with msw (set per story)' },
    view: { control: 'inline-radio', options: ['person', 'team'] },
    lang: { control: 'inline-radio', options: ['en-GB', 'cy'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Statutory and mandatory training (CSTF) as a red/amber/green matrix: status in words and symbols as well as colour, ' +
          '"not required" shown apart, renewal dates. One person, or a line manager\'s team.',
      },
    },
  },
  render: (args) => html`<esr-training-compliance .client=${storyClient()} view=${args.view} lang=${args.lang}></esr-training-compliance>`,
};
export default meta;

type Story = StoryObj<Args>;

export const PersonData: Story = story('data');
export const TeamData: Story = story('data', { view: 'team' });
export const Empty: Story = story('empty');
export const TeamEmpty: Story = story('empty', { view: 'team' });
/** Someone who manages nobody asks for a team (403). */
export const Forbidden: Story = story('forbidden', { view: 'team' });
export const ServerError: Story = story('error', {}, 'Error');
export const Loading: Story = story('slow');
export const Offline: Story = story('offline');
export const WelshPersonData: Story = story('data', { lang: 'cy' });
export const WelshTeamData: Story = story('data', { view: 'team', lang: 'cy' });
export const WelshEmpty: Story = story('empty', { lang: 'cy' });
export const WelshError: Story = story('error', { lang: 'cy' });
export const WelshLoading: Story = story('slow', { lang: 'cy' });
