import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createPersonalDetailsHandlers } from '@esr/widgets/testing/personal-details-handlers.ts';
import { storyClient } from '../payslip/mocks.ts';
import { stateStory, type LocaleArgs } from '../states.ts';

interface Args extends LocaleArgs {
  headingLevel: number;
  readonly: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/Personal details',
  component: 'esr-personal-details',
  tags: ['autodocs'],
  args: { lang: 'en-GB', headingLevel: 2, readonly: false },
  argTypes: { lang: { control: 'inline-radio', options: ['en-GB', 'cy'] } },
  parameters: {
    docs: {
      description: {
        component:
          'Name, preferred name, addresses, phone numbers and emergency contacts in an NHS summary list. Each section is changed on its own and saved against ' +
          'the version on screen (ETag), so a change made elsewhere is never overwritten. A name change goes to HR and shows as pending.',
      },
    },
  },
  render: (args) => html`<esr-personal-details .client=${storyClient()} lang=${args.lang} heading-level=${args.headingLevel} ?readonly=${args.readonly}></esr-personal-details>`,
};
export default meta;
type Story = StoryObj<Args>;

const data = () => createPersonalDetailsHandlers({ pendingNameChange: true });
const empty = () => createPersonalDetailsHandlers({ scenario: 'empty' });
const error = () => createPersonalDetailsHandlers({ scenario: 'error' });
const slow = () => createPersonalDetailsHandlers({ scenario: 'slow' });

export const Data: Story = stateStory(data, 'en-GB');
export const DataWelsh: Story = stateStory(data, 'cy', 'Data (Cymraeg)');
export const Empty: Story = stateStory(empty, 'en-GB');
export const EmptyWelsh: Story = stateStory(empty, 'cy', 'Empty (Cymraeg)');
export const ServerError: Story = stateStory(error, 'en-GB', 'Error');
export const ServerErrorWelsh: Story = stateStory(error, 'cy', 'Error (Cymraeg)');
export const Loading: Story = stateStory(slow, 'en-GB');
export const LoadingWelsh: Story = stateStory(slow, 'cy', 'Loading (Cymraeg)');
