import * as assert from 'node:assert/strict';
import { AwsError, classifyAwsError } from '../../src/aws/errors';

const named = (name: string, message = '', httpStatusCode?: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });

describe('AwsError', () => {
  it('maps SDK error names to reasons', () => {
    assert.equal(classifyAwsError(named('TokenProviderError')), 'noCredentials');
    assert.equal(classifyAwsError(named('RequestExpired')), 'expired');
    assert.equal(classifyAwsError(named('AccessDenied', '', 403)), 'accessDenied');
    assert.equal(classifyAwsError(named('TooManyRequestsException')), 'throttled');
    assert.equal(classifyAwsError(named('ValidationException', 'RecordNotFound')), 'notFound');
    assert.equal(classifyAwsError(named('ValidationException', "Could not find endpoint 'x'")), 'notFound');
    assert.equal(classifyAwsError(named('ValidationException', 'bad instance type')), 'unknown');
    assert.equal(classifyAwsError(named('Whatever', '', 501)), 'unsupported');
    assert.equal(classifyAwsError('a string'), 'unknown');
  });

  it('wraps once, names the call and keeps the original', () => {
    const original = named('ThrottlingException', 'Rate exceeded');
    const err = AwsError.from(original, 'ListEndpoints');
    assert.equal(err.message, 'ListEndpoints failed: ThrottlingException: Rate exceeded');
    assert.equal(err.original, original);
    assert.equal(AwsError.from(err, 'Other'), err);
    assert.ok(AwsError.is(err, 'throttled'));
    assert.ok(AwsError.is(original, 'throttled'));
    assert.ok(!AwsError.is(err, 'notFound'));
  });
});
