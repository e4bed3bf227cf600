import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { EsrAppearance } from '@esr/widgets';
import { payslipHandlers, storyClient } from '../payslip/mocks.ts';

interface Args {
  locale: '' | 'en-GB' | 'cy';
  colorBrand: string;
  fontFamily: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Provider',
  component: 'esr-provider',
  tags: ['autodocs'],
  args: { locale: '', colorBrand: '#005eb8', fontFamily: '' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['', 'en-GB', 'cy'] },
    colorBrand: { control: 'color' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '`<esr-provider>` hands one SDK client, a locale and an appearance to every widget inside it through @lit/context. ' +
          '`appearance.variables` become `--esr-*` custom properties on the provider.',
      },
    },
  },
  beforeEach({ msw }) {
    msw.use(...payslipHandlers('data'));
  },
  render: (args) => {
    const appearance: EsrAppearance = {
      variables: { colorBrand: args.colorBrand, ...(args.fontFamily ? { fontFamily: args.fontFamily } : {}) },
    };
    return html`<esr-provider .client=${storyClient()} locale=${args.locale} .appearance=${appearance}>
      <esr-payslip hide-picker></esr-payslip>
    </esr-provider>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
/** A trust theme set from script: purple brand colour on the net pay panel and buttons. */
export const Themed: Story = { args: { colorBrand: '#330072' } };
export const Welsh: Story = { args: { locale: 'cy' } };
