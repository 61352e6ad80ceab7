/** `123456789` → `123 456 789`: how SIREN numbers are read in France. */
export function formatSiren(siren: string): string {
  return /^\d{9}$/.test(siren) ? siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : siren;
}

/** `12345678900012` → `123 456 789 00012` (SIREN, then the establishment's NIC). */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret)
    ? siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4')
    : siret;
}
