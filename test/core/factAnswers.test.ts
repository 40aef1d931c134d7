import * as assert from 'node:assert/strict';
import { answersMark, answersOf, settleAnswers } from '../../src/core/factAnswers';

describe('answers kept on facts', () => {
  it('are invisible to comparisons, spreads and JSON, and one list per fact', () => {
    const fact = { name: 'sagemaker.estimator.Estimator', start: 0, end: 10 };
    const answers = answersOf(fact);
    answers.push('reader', 'answer');
    assert.equal(answersOf(fact), answers);
    assert.deepStrictEqual(fact, { name: 'sagemaker.estimator.Estimator', start: 0, end: 10 });
    assert.deepStrictEqual({ ...fact }, { name: 'sagemaker.estimator.Estimator', start: 0, end: 10 });
    assert.equal(JSON.stringify(fact), '{"name":"sagemaker.estimator.Estimator","start":0,"end":10}');
    assert.deepEqual(Object.getOwnPropertySymbols(fact), []);
    // A copy is a fact of its own, with no answers.
    assert.deepEqual(answersOf({ ...fact }), []);
  });

  it('settling empties the lists made since the mark in place, and forgets the earlier ones as they are', () => {
    settleAnswers(answersMark(), false);
    const before = { id: 1 };
    answersOf(before).push('r', 1);
    const mark = answersMark();
    const during = { id: 2 };
    const list = answersOf(during);
    list.push('r', 2);
    settleAnswers(mark, true);
    assert.equal(list.length, 0, 'emptied where it is');
    assert.deepEqual(answersOf(during), [], 'a later ask starts afresh');
    assert.deepEqual(answersOf(before), ['r', 1], 'made before the mark: kept');
    settleAnswers(answersMark(), false);
    assert.equal(answersMark(), 0);
  });

  it('does not grow with asks made outside any lint', () => {
    settleAnswers(answersMark(), false);
    for (let i = 0; i < 200_000; i++) answersOf({ i });
    assert.ok(answersMark() <= 1 << 16, `${answersMark()} lists listed`);
  });
});
