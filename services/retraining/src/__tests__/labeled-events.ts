import { loanExamples } from '@mlops/testing';

/** `n` LabeledPredictionEvents of the loan task for `model`, event times spread over [fromMs, toMs). */
export function labeledEvents(model: string, n: number, fromMs: number, toMs: number, seed: number) {
  return loanExamples(n, seed).map((example, i) => {
    const timestamp = new Date(fromMs + Math.floor(((toMs - fromMs) * i) / n)).toISOString();
    const eventId = `${model}-${seed}-${i}`;
    return {
      key: eventId,
      value: JSON.stringify({
        schemaVersion: 1,
        eventId,
        model,
        modelVersion: '1',
        timestamp,
        features: example.features,
        prediction: { label: 'approve', score: 0.5 },
        label: example.label,
        labelTimestamp: new Date(toMs).toISOString(),
      }),
    };
  });
}

export function retrainRequest(requestId: string, model: string, window: { from: number; to: number }) {
  return {
    key: model,
    value: JSON.stringify({
      schemaVersion: 1,
      requestId,
      model,
      reason: 'concept_drift',
      reportRef: `report-${requestId}`,
      dataWindow: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
      requestedAt: new Date().toISOString(),
    }),
  };
}
