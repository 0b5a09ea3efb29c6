/**
 * Civil servants per agency until an admin records the real figure: plausible
 * sizes of a mid-sized city's OPD (head office only; teachers and puskesmas
 * medical staff beyond the office are not counted), scaled by city size.
 * They exist so the 20 JP view and the JP ceiling work on a fresh installation;
 * BKPSDM replaces them with its own SIASN figures through setAgencyCivilServants.
 */
const BY_TYPE: Record<string, number> = {
  DUKCAPIL: 80,
  DPMPTSP: 60,
  DINKES: 180,
  DISDIK: 120,
  PUPR: 150,
  DLH: 200,
  DISHUB: 120,
  DINSOS: 70,
  SATPOLPP: 150,
  DISKOMINFO: 50,
  BKPSDM: 60,
  KECAMATAN: 120,
};

const CITY_SCALE: Record<string, number> = { MDN: 3, PMS: 1, TPI: 1, KTC: 0.8 };

export function defaultCivilServants(agencyType: string, cityCode: string): number {
  return Math.round((BY_TYPE[agencyType] ?? 60) * (CITY_SCALE[cityCode] ?? 1));
}
