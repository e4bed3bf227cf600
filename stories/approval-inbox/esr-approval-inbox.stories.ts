import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createApprovalsMock } from '@esr/widgets/testing/approvals-handlers.ts';
import { storyClient } from '../payslip/mocks.ts';
import { stateStory, type LocaleArgs } from '../states.ts';

interface Args extends LocaleArgs {
  headingLevel: number;
  box: 'pending' | 'decided';
}

const meta: Meta<Args> = {
  title: 'Widgets/Approval inbox',
  component: 'esr-approval-inbox',
  tags: ['autodocs'],
  args: { lang: 'en-GB', headingLevel: 2, box: 'pending' },
  argTypes: { lang: { control: 'inline-radio', options: ['en-GB', 'cy'] }, box: { control: 'inline-radio', options: ['pending', 'decided'] } },
  parameters: {
    docs: {
      description: {
        component:
          'Requests waiting for the signed-in approver and ones they decided, with the context to decide (dates, hours, balance, who else is off, history). ' +
          'Approve, reject with a reason, ask for information, reassign, or approve many at once. Keyboard: ↑/↓ move, Enter opens, Space selects, a/r/i decide, Shift+A approves the selected. ' +
          'Live updates come from the events feed.',
      },
    },
  },
  render: (args) =>
    html`<esr-approval-inbox .client=${storyClient()} lang=${args.lang} heading-level=${args.headingLevel} box=${args.box} poll-interval="5000"></esr-approval-inbox>`,
};
export default meta;
type Story = StoryObj<Args>;

const data = () => createApprovalsMock().handlers;
const empty = () => createApprovalsMock({ scenario: 'empty' }).handlers;
const error = () => createApprovalsMock({ scenario: 'error' }).handlers;
const slow = () => createApprovalsMock({ scenario: 'slow' }).handlers;

export const Data: Story = stateStory(data, 'en-GB');
export const DataWelsh: Story = stateStory(data, 'cy', 'Data (Cymraeg)');
export const Empty: Story = stateStory(empty, 'en-GB');
export const EmptyWelsh: Story = stateStory(empty, 'cy', 'Empty (Cymraeg)');
export const ServerError: Story = stateStory(error, 'en-GB', 'Error');
export const ServerErrorWelsh: Story = stateStory(error, 'cy', 'Error (Cymraeg)');
export const Loading: Story = stateStory(slow, 'en-GB');
export const LoadingWelsh: Story = stateStory(slow, 'cy', 'Loading (Cymraeg)');
/** 1,000 requests waiting: rows are added a frame at a time and off-screen rows skip layout. */
export const Thousand: Story = stateStory(() => createApprovalsMock({ pending: 1000, nameChange: false }).handlers, 'en-GB', '1,000 requests');
