import { applyHubSettings, DEFAULT_HUB_SETTINGS, invitationValidityHours, parseHubSettingsPatch, readHubSettings } from './hub-settings';
import { DomainError } from './errors';

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
    expect(readHubSettings({ invitationValidityHours: 48, somethingElse: true })).toEqual({ invitationValidityHours: 48 });
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
