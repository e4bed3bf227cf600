import { css } from 'lit';

/** Tables (nhsuk-table), for the widgets that show one. */
export const nhsTable = css`
  /* Table (nhsuk-table) */
  :where(table) {
    width: 100%;
    margin: 0 0 var(--_space-5);
    border-collapse: collapse;
    border-spacing: 0;
  }
  :where(caption) {
    margin-bottom: var(--_space-3);
    text-align: left;
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.25;
  }
  :where(th, td) {
    padding: var(--_space-2) var(--_space-3) var(--_space-2) 0;
    border-bottom: 1px solid var(--_color-border);
    text-align: left;
    vertical-align: top;
  }
  :where(th:last-child, td:last-child) {
    padding-right: 0;
  }
  :where(thead th) {
    border-bottom-width: 2px;
    font-weight: 600;
  }
  /* Row headers name the line; NHS tables keep them regular weight and bold only the totals. */
  :where(tbody th) {
    font-weight: 400;
  }
  :where(tfoot th, tfoot td) {
    font-weight: 600;
    border-bottom: 0;
  }
  :where(.numeric) {
    text-align: right;
    /* Pence line up down the column. */
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
