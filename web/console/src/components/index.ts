/** The console's component kit: data table, labelled fields, detail layout. */
export { DataTable, type Column, type DataTableProps } from './data-table.js';
export { Field, SelectField, describedBy, optionsOf, type FieldProps, type SelectFieldProps } from './field.js';
export { DetailList, Actions, type Fact } from './detail-list.js';
export { useFormState, type TextKeys } from './form-state.js';
export { ShownOnce } from './shown-once.js';
export { CheckboxGrid, type CheckboxGridProps } from './checkbox-grid.js';
