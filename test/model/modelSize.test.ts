import * as assert from 'node:assert/strict';
import { getInstanceType } from '../../src/data/instances';
import { describeParameters, fitOnOneAccelerator, modelSizeOf } from '../../src/model/read/modelSize';

describe('model size from a model id', () => {
  const cases: Array<[string, number | undefined, number?]> = [
    ['bigscience/bloom-560m', 560e6],
    ['meta-llama/Llama-3.3-70B-Instruct', 70e9],
    ['mistralai/Mixtral-8x7B-Instruct-v0.1', 56e9],
    ['bigscience/bloom-7b1', 7.1e9],
    ['Qwen/Qwen3-30B-A3B', 30e9],
    ['openai/gpt-oss-120b', 120e9],
    ['meta-textgeneration-llama-2-70b-f', 70e9],
    ['huggingface-llm-qwen2-5-14b-instruct', 14e9],
    // Sizes no id writes: the model card's figure.
    ['bigcode/santacoder', 1.1e9],
    ['deepseek-ai/DeepSeek-V3.1', 671e9],
    ['deepseek-ai/DeepSeek-R1-Distill-Llama-70B', 70e9],
    ['meta-llama/Llama-4-Scout-17B-16E-Instruct', 109e9],
    // Nothing tells it: a name without a size, a path in S3, a context length.
    ['google/flan-t5-xl', undefined],
    ['s3://models/llama-2-70b/', undefined],
    ['microsoft/Phi-3-mini-128k-instruct', undefined],
  ];
  for (const [id, parameters] of cases) {
    it(`${id}: ${parameters === undefined ? 'unknown' : describeParameters(parameters)}`, () => {
      assert.equal(modelSizeOf(id)?.parameters, parameters);
    });
  }

  it('reads the precision the id names: 16-bit by default, FP8 one byte, AWQ half a byte', () => {
    assert.equal(modelSizeOf('meta-llama/Llama-3.3-70B-Instruct')?.bytesPerParameter, 2);
    assert.equal(modelSizeOf('RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic')?.bytesPerParameter, 1);
    assert.equal(modelSizeOf('TheBloke/Llama-2-70B-AWQ')?.bytesPerParameter, 0.5);
  });

  it('says whether the weights fit on one GPU with room to serve, fill most of it, or exceed it', () => {
    const g5 = getInstanceType('ml.g5.12xlarge')!; // 4 × A10G, 24 GiB each
    assert.equal(fitOnOneAccelerator(modelSizeOf('bigscience/bloom-560m')!, g5), 'fits');
    assert.equal(fitOnOneAccelerator(modelSizeOf('mistralai/Mistral-7B-Instruct-v0.3')!, g5), 'tight');
    assert.equal(fitOnOneAccelerator(modelSizeOf('Qwen/Qwen2.5-32B-Instruct')!, g5), 'exceeds');
    assert.equal(fitOnOneAccelerator(modelSizeOf('bigscience/bloom-560m')!, getInstanceType('ml.m5.xlarge')!), undefined);
  });
});
