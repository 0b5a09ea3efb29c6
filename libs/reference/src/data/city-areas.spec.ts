import { CITIES, CITY_AREAS, distanceKm, isNearCity } from './reference-data.js';

describe('where each city lies', () => {
  it('has an area for every city', () => {
    expect(Object.keys(CITY_AREAS).sort()).toEqual(CITIES.map((c) => c.code).sort());
  });

  it('measures great-circle distances', () => {
    // Medan to Pematangsiantar: about 90 km as the crow flies.
    expect(distanceKm(CITY_AREAS.MDN, CITY_AREAS.PMS)).toBeGreaterThan(80);
    expect(distanceKm(CITY_AREAS.MDN, CITY_AREAS.PMS)).toBeLessThan(100);
  });

  it('believes a point in or just outside the city, not one in another city', () => {
    expect(isNearCity('MDN', { latitude: 3.5952, longitude: 98.6722 })).toBe(true);
    // Binjai, on Medan's border (about 20 km away).
    expect(isNearCity('MDN', { latitude: 3.6, longitude: 98.49 })).toBe(true);
    expect(isNearCity('MDN', CITY_AREAS.PMS)).toBe(false);
    expect(isNearCity('TPI', { latitude: -6.2, longitude: 106.8 })).toBe(false);
    expect(isNearCity('XXX', CITY_AREAS.MDN)).toBe(false);
  });
});
