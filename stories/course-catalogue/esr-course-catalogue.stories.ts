import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { RequestHandler } from 'msw';
import { createLearningHandlers, type LearningScenario } from '@esr/sdk/testing';
import { storyClient } from '../payslip/mocks.ts';

interface Args {
  scenario: LearningScenario;
  lang: 'en-GB' | 'cy';
  courseCount: number;
}

const story = (scenario: LearningScenario, args: Partial<Args> = {}, name?: string): StoryObj<Args> => ({
  ...(name ? { name } : {}),
  args: { scenario, ...args },
  beforeEach({ msw, args: current }) {
    msw.use(...(createLearningHandlers({ scenario, courseCount: current.courseCount }) as unknown as RequestHandler[]));
  },
});

const meta: Meta<Args> = {
  title: 'Widgets/Course catalogue',
  component: 'esr-course-catalogue',
  tags: ['autodocs'],
  args: { lang: 'en-GB', courseCount: 24 },
  argTypes: {
    scenario: { control: false, description: 'API scenario mocked with msw (set per story)' },
    lang: { control: 'inline-radio', options: ['en-GB', 'cy'] },
    courseCount: { control: { type: 'number', min: 0, max: 1000 }, description: 'Courses in the mocked catalogue' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Search the course catalogue (relevance, filters with facet counts), see sessions with places left, and book a place, ' +
          'join a waiting list or ask for approval; cancel from the same place. Bookings in the stories are kept in memory by the mock.',
      },
    },
  },
  render: (args) => html`<esr-course-catalogue .client=${storyClient()} lang=${args.lang} page-size="100"></esr-course-catalogue>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Data: Story = story('data');
/** A thousand courses: the list grows a page at a time with "Show more courses". */
export const ThousandCourses: Story = story('data', { courseCount: 1000 }, '1,000 courses');
export const Empty: Story = story('empty');
export const ServerError: Story = story('error', {}, 'Error');
export const Unauthorised: Story = story('unauthorised');
export const Loading: Story = story('slow');
export const Offline: Story = story('offline');
export const WelshData: Story = story('data', { lang: 'cy' });
export const WelshEmpty: Story = story('empty', { lang: 'cy' });
export const WelshError: Story = story('error', { lang: 'cy' });
export const WelshLoading: Story = story('slow', { lang: 'cy' });
