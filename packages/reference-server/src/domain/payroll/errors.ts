/**
 * Thrown for input the engine cannot calculate with. `field` names the offending
 * input property so the HTTP layer can turn it into a 400 pointing at that field.
 */
export class PayrollInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'PayrollInputError';
    this.field = field;
  }
}
