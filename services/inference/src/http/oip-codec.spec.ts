import { InvalidRequestError } from '../requests/invalid-request.error';
import { OipInferRequestSchema, oipOutputs, recordsFromOip } from './oip-codec';

describe('Open Inference Protocol codec', () => {
  const request = (inputs: unknown) => OipInferRequestSchema.parse({ inputs });

  it('turns one tensor per feature into one record per row', () => {
    const records = recordsFromOip(
      request([
        { name: 'age', shape: [2], datatype: 'FP64', data: [41, 63] },
        { name: 'car', shape: [2, 1], datatype: 'BYTES', data: ['sedan', null] },
      ]),
    );
    expect(records).toEqual([
      { age: 41, car: 'sedan' },
      { age: 63, car: null },
    ]);
  });

  it.each([
    [[{ name: 'a', shape: [2], datatype: 'FP64', data: [1] }], /shape \[2\] does not match 1 values/],
    [[{ name: 'a', shape: [1], datatype: 'FP64', data: [1] }, { name: 'b', shape: [2], datatype: 'FP64', data: [1, 2] }], /b has 2 values, a has 1/],
    [[{ name: 'a', shape: [1], datatype: 'FP64', data: [1] }, { name: 'a', shape: [1], datatype: 'FP64', data: [2] }], /input a appears twice/],
    [[{ name: 'a', shape: [0], datatype: 'FP64', data: [] }], /no rows/],
    [[{ name: 'a', shape: [1, 3], datatype: 'FP64', data: [1] }], /expected \[N\] or \[N, 1\]/],
  ])('rejects a malformed request (%#)', (inputs, message) => {
    expect(() => recordsFromOip(request(inputs))).toThrow(InvalidRequestError);
    expect(() => recordsFromOip(request(inputs))).toThrow(message);
  });

  it('encodes classification and regression outputs', () => {
    expect(oipOutputs([{ label: 'yes', score: 0.9, probabilities: { no: 0.1, yes: 0.9 } }])).toEqual([
      { name: 'label', shape: [1], datatype: 'BYTES', data: ['yes'] },
      { name: 'score', shape: [1], datatype: 'FP64', data: [0.9] },
      { name: 'probability_no', shape: [1], datatype: 'FP64', data: [0.1] },
      { name: 'probability_yes', shape: [1], datatype: 'FP64', data: [0.9] },
    ]);
    expect(oipOutputs([1.5, 2.5])).toEqual([{ name: 'prediction', shape: [2], datatype: 'FP64', data: [1.5, 2.5] }]);
  });
});
