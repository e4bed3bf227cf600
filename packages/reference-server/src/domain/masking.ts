// Sensitive values leave the server masked unless the caller may see them in full.

/** `12345678` → `****5678`: enough for a person to recognise their own account. */
export function maskAccountNumber(accountNumber: string): string {
  return `****${accountNumber.slice(-4)}`;
}

/** `AB123456C` → `AB ** ** ** C`. */
export function maskNiNumber(ni: string): string {
  return `${ni.slice(0, 2)} ** ** ** ${ni.slice(-1)}`;
}

/** `404784` → `**-**-84`. */
export function maskSortCode(sortCode: string): string {
  return `**-**-${sortCode.slice(-2)}`;
}
