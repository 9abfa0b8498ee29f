import { InvalidNameError } from '../errors/invalid-name.error';
import { assertAliasName, assertModelName, assertVersionName, isAllocatedVersion } from './registry-names';
import { assertRelativeArtifactPath } from './relative-artifact-path';

describe('registry names', () => {
  it.each(['loan-approval', 'a', 'Model_2.v1', 'x'.repeat(128)])('accepts the model name %s', (name) => {
    expect(() => assertModelName(name)).not.toThrow();
  });
  it.each(['../x', '..', '.', 'a/b', 'a\\b', '', ' a', '.hidden', '-dash', 'x'.repeat(129), 'a\u0000b'])('rejects the model name %j', (name) => {
    expect(() => assertModelName(name)).toThrow(InvalidNameError);
  });

  it.each(['champion', 'challenger', 'shadow_2', 'canary-eu'])('accepts the alias %s', (alias) => expect(() => assertAliasName(alias)).not.toThrow());
  it.each(['Champion', 'latest', 'v1', 'V2'.toLowerCase(), '../x', '', '1st'])('rejects the alias %j', (alias) => {
    expect(() => assertAliasName(alias)).toThrow(InvalidNameError);
  });

  it('accepts any path-safe version name but only positive integers can exist', () => {
    expect(() => assertVersionName('abc')).not.toThrow();
    expect(() => assertVersionName('../1')).toThrow(InvalidNameError);
    expect(['1', '42'].map(isAllocatedVersion)).toEqual([true, true]);
    expect(['0', '01', 'abc', '1.0', '-1'].map(isAllocatedVersion)).toEqual([false, false, false, false, false]);
  });

  it('error messages quote the value safely', () => {
    expect(() => assertModelName('a\nforged log line')).toThrow('invalid model name "a\\nforged log line"');
  });
});

describe('assertRelativeArtifactPath', () => {
  it.each(['model.json', 'a/b/c.bin', 'feature schema.json', '..hidden', 'a..b'])('accepts %s', (path) => {
    expect(() => assertRelativeArtifactPath(path)).not.toThrow();
  });
  it.each(['', '/etc/passwd', '../x', 'a/../../x', 'a//b', 'a/./b', 'a/', 'a\\b', 'a\tb'])('rejects %j', (path) => {
    expect(() => assertRelativeArtifactPath(path)).toThrow(InvalidNameError);
  });
});
