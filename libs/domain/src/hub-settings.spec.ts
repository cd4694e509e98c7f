import { applyHubSettings, DEFAULT_HUB_SETTINGS, invitationValidityHours, parseHubSettingsPatch, readHubSettings } from './hub-settings';
import { DomainError } from './errors';
import { DEFAULT_MATCHING_WEIGHTS } from './matching';

function thrown(fn: () => unknown): DomainError | undefined {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  return undefined;
}

describe('readHubSettings', () => {
  it('fills defaults for anything missing, malformed or out of range', () => {
    expect(readHubSettings({})).toEqual(DEFAULT_HUB_SETTINGS);
    expect(readHubSettings(null)).toEqual(DEFAULT_HUB_SETTINGS);
    expect(readHubSettings([1, 2])).toEqual(DEFAULT_HUB_SETTINGS);
    expect(readHubSettings({ invitationValidityHours: '48' })).toEqual(DEFAULT_HUB_SETTINGS);
    expect(readHubSettings({ invitationValidityHours: 0 })).toEqual(DEFAULT_HUB_SETTINGS);
    expect(readHubSettings({ invitationValidityHours: 1.5 })).toEqual(DEFAULT_HUB_SETTINGS);
  });

  it('keeps valid values and drops keys it does not know', () => {
    expect(readHubSettings({ invitationValidityHours: 48, somethingElse: true })).toEqual({
      invitationValidityHours: 48,
      matchingWeights: DEFAULT_MATCHING_WEIGHTS,
    });
  });
});

describe('parseHubSettingsPatch', () => {
  it('validates only the keys given; null resets to the default', () => {
    expect(parseHubSettingsPatch({})).toEqual({});
    expect(parseHubSettingsPatch({ invitationValidityHours: 24 })).toEqual({ invitationValidityHours: 24 });
    expect(parseHubSettingsPatch({ invitationValidityHours: null })).toEqual({ invitationValidityHours: null });
  });

  it('names the field and the range when a value is out of bounds', () => {
    let error: DomainError | undefined;
    try {
      parseHubSettingsPatch({ invitationValidityHours: 721 });
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toMatchObject({ code: 'INVALID_NUMBER', field: 'input.settings.invitationValidityHours' });
    expect(error?.message).toBe('input.settings.invitationValidityHours must be a whole number from 1 to 720 (got 721)');
  });
});

describe('applying and using settings', () => {
  it('merges a patch and falls back to the platform default lifetime', () => {
    const s = applyHubSettings(DEFAULT_HUB_SETTINGS, { invitationValidityHours: 12 });
    expect(invitationValidityHours(s, 72)).toBe(12);
    expect(invitationValidityHours(DEFAULT_HUB_SETTINGS, 72)).toBe(72);
  });
});

describe('matching weights', () => {
  it('reads each stored weight on its own, falling back to its default when missing or out of range', () => {
    expect(readHubSettings({}).matchingWeights).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(readHubSettings({ matchingWeights: { perKm: 0.2, fairnessStep: -1, disadvantagedUplift: 'x' } }).matchingWeights).toEqual({
      ...DEFAULT_MATCHING_WEIGHTS,
      perKm: 0.2,
    });
  });

  it('changes only the weights given; null resets one weight, or all of them', () => {
    const patched = parseHubSettingsPatch({ matchingWeights: { perKm: 0.25, fairnessCap: null } });
    expect(patched).toEqual({ matchingWeights: { perKm: 0.25, fairnessCap: DEFAULT_MATCHING_WEIGHTS.fairnessCap } });
    const current = applyHubSettings(DEFAULT_HUB_SETTINGS, { matchingWeights: { disadvantagedUplift: 2, fairnessCap: 5 } });
    expect(applyHubSettings(current, patched).matchingWeights).toEqual({
      ...DEFAULT_MATCHING_WEIGHTS,
      disadvantagedUplift: 2,
      perKm: 0.25,
    });
    expect(applyHubSettings(current, parseHubSettingsPatch({ matchingWeights: null })).matchingWeights).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(applyHubSettings(current, parseHubSettingsPatch({ invitationValidityHours: 24 })).matchingWeights).toEqual(
      current.matchingWeights,
    );
  });

  it('names the weight and its range when one is out of bounds, and every bad weight at once', () => {
    const one = thrown(() => parseHubSettingsPatch({ matchingWeights: { perKm: 101 } }));
    expect(one).toMatchObject({ code: 'INVALID_NUMBER', field: 'input.settings.matchingWeights.perKm' });
    expect(one?.message).toBe('input.settings.matchingWeights.perKm must be a number from 0 to 100 (got 101)');
    const two = thrown(() => parseHubSettingsPatch({ matchingWeights: { perKm: -1, pupilBeyondGap: 2 } }));
    expect(two).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(two?.details?.map((d) => d.field).sort()).toEqual([
      'input.settings.matchingWeights.perKm',
      'input.settings.matchingWeights.pupilBeyondGap',
    ]);
  });
});
