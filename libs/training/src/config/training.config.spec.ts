import { DEFAULT_UNIT_COSTS, trainingSettingsFrom } from './training.config.js';

describe('training settings', () => {
  it('uses the defaults when nothing is set', () => {
    expect(trainingSettingsFrom({})).toEqual({
      unitCosts: DEFAULT_UNIT_COSTS,
      effectWeeks: 12,
      jpCeilingPerCivilServant: 60,
    });
  });

  it('takes unit costs as JSON and refuses a wrong one naming the variable', () => {
    const costs = [{ ...DEFAULT_UNIT_COSTS[0], fixedIdr: 1 }];
    expect(trainingSettingsFrom({ TRAINING_UNIT_COSTS: JSON.stringify(costs) }).unitCosts).toEqual(
      costs,
    );
    expect(() => trainingSettingsFrom({ TRAINING_UNIT_COSTS: '[{"method":"NAP"}]' })).toThrow(
      /TRAINING_UNIT_COSTS/,
    );
    expect(() => trainingSettingsFrom({ TRAINING_EFFECT_WEEKS: '2' })).toThrow(
      /TRAINING_EFFECT_WEEKS/,
    );
    expect(() => trainingSettingsFrom({ TRAINING_JP_CEILING: '10' })).toThrow(
      /TRAINING_JP_CEILING/,
    );
  });
});
