// Dutch words for the API's codes.

export const roleLabels: Record<string, string> = {
  tenant_admin: 'beheerder',
  coordinator: 'coördinator',
  expert: 'expert',
  bestuurder: 'bestuurder',
  viewer: 'meelezer',
};

export const planKindLabels: Record<string, string> = {
  ivp: 'Integraal Veiligheidsplan (IVP)',
  hup: 'Handhavingsuitvoeringsprogramma (HUP)',
  handhavingsstrategie: 'Handhavingsstrategie',
  prioriteringsagenda: 'Prioriteringsagenda',
  uitvoeringsplan: 'Uitvoeringsplan',
};

export const planStatusLabels: Record<string, string> = {
  concept: 'Concept',
  vastgesteld: 'Vastgesteld',
  afgelopen: 'Afgelopen',
};

export const scopeLabels: Record<string, string> = {
  cooperation: 'Bovenlokaal',
  municipality: 'Gemeente',
  district: 'Wijk',
};

export const actionStatusLabels: Record<string, string> = {
  gepland: 'Gepland',
  lopend: 'Lopend',
  gereed: 'Gereed',
  vervallen: 'Vervallen',
};

export const directionLabels: Record<string, string> = {
  lower_is_better: 'Lager is beter',
  higher_is_better: 'Hoger is beter',
  keep_at_level: 'Op peil houden',
};

export const comparatorLabels: Record<string, string> = {
  '<=': 'ten hoogste (≤)',
  '>=': 'ten minste (≥)',
  '=': 'gelijk aan (=)',
};

export const reviewStatusLabels: Record<string, string> = {
  concept: 'concept',
  ingediend: 'ingediend',
  vastgesteld: 'vastgesteld',
};

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '–';
  return map[code] ?? code;
}
