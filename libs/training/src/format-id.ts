/** Numbers as Indonesian readers write them: `Rp 45.000.000`, `3,2`. */
const rupiahFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

export const rupiah = (value: number): string => `Rp ${rupiahFormat.format(Math.round(value))}`;
export const decimal = (value: number): string => decimalFormat.format(value);
