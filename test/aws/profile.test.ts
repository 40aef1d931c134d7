import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configuredRegion, profileName } from '../../src/aws/profile';

describe('region of the AWS profile', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-awsconfig-'));
    fs.writeFileSync(path.join(dir, 'config'), ['[default]', 'region = eu-west-1', '', '[profile ml]', 'region = eu-north-1', '', '[profile noregion]', 'output = json', ''].join('\n'));
    env = { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') };
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads the default profile's region from AWS_CONFIG_FILE", async () => {
    assert.equal(await configuredRegion(undefined, env), 'eu-west-1');
  });

  it('reads a named profile, from the setting or from AWS_PROFILE', async () => {
    assert.equal(await configuredRegion('ml', env), 'eu-north-1');
    assert.equal(await configuredRegion(undefined, { ...env, AWS_PROFILE: 'ml' }), 'eu-north-1');
    assert.equal(await configuredRegion('default', { ...env, AWS_PROFILE: 'ml' }), 'eu-west-1');
  });

  it('is undefined for a profile without a region, an unknown profile or a missing file', async () => {
    assert.equal(await configuredRegion('noregion', env), undefined);
    assert.equal(await configuredRegion('nosuch', env), undefined);
    assert.equal(await configuredRegion(undefined, { AWS_CONFIG_FILE: path.join(dir, 'absent'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'absent2') }), undefined);
  });

  it('sees an edit of the file on the next call', async () => {
    assert.equal(await configuredRegion(undefined, env), 'eu-west-1');
    fs.writeFileSync(path.join(dir, 'config'), '[default]\nregion = ap-south-1\n');
    assert.equal(await configuredRegion(undefined, env), 'ap-south-1');
  });

  it('picks the profile name like the SDK', () => {
    assert.equal(profileName(' ml ', {}), 'ml');
    assert.equal(profileName('', { AWS_PROFILE: 'x' }), 'x');
    assert.equal(profileName(undefined, {}), 'default');
  });
});
