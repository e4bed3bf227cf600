import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createLeaveHandlers } from '@esr/widgets/testing/leave-handlers.ts';
import { storyClient } from '../payslip/mocks.ts';
import { stateStory, type LocaleArgs } from '../states.ts';

interface Args extends LocaleArgs {
  headingLevel: number;
  hideList: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/Leave request',
  component: 'esr-leave-request',
  tags: ['autodocs'],
  args: { lang: 'en-GB', headingLevel: 2, hideList: false },
  argTypes: { lang: { control: 'inline-radio', options: ['en-GB', 'cy'] }, headingLevel: { control: { type: 'number', min: 1, max: 6 } } },
  parameters: {
    docs: {
      description: {
        component:
          'Request leave with NHS day/month/year dates, whole or half days or hours; the working hours and the balance left are counted as you type. ' +
          'Validation uses the NHS error summary. Lists your requests and cancels them. Form-associated: inside a page `<form>` it submits its fields and reports validity.',
      },
    },
  },
  render: (args) => html`<esr-leave-request .client=${storyClient()} lang=${args.lang} heading-level=${args.headingLevel} ?hide-list=${args.hideList}></esr-leave-request>`,
};
export default meta;
type Story = StoryObj<Args>;

const data = () => createLeaveHandlers();
const empty = () => createLeaveHandlers({ scenario: 'empty' });
const error = () => createLeaveHandlers({ scenario: 'error' });
const slow = () => createLeaveHandlers({ scenario: 'slow' });

export const Data: Story = stateStory(data, 'en-GB');
export const DataWelsh: Story = stateStory(data, 'cy', 'Data (Cymraeg)');
export const Empty: Story = stateStory(empty, 'en-GB');
export const EmptyWelsh: Story = stateStory(empty, 'cy', 'Empty (Cymraeg)');
export const ServerError: Story = stateStory(error, 'en-GB', 'Error');
export const ServerErrorWelsh: Story = stateStory(error, 'cy', 'Error (Cymraeg)');
export const Loading: Story = stateStory(slow, 'en-GB');
export const LoadingWelsh: Story = stateStory(slow, 'cy', 'Loading (Cymraeg)');
/** Not enough leave left: the server's refusal appears in the error summary when you submit. */
export const LowBalance: Story = stateStory(() => createLeaveHandlers({ availableMinutes: 450 }), 'en-GB', 'Low balance');
