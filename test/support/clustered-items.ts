import { InsightAnalysisService } from '@suara/insight';
import { graphql } from '@suara/testing';
import type { SuaraTestStack } from './suara-test-stack.js';

/**
 * A complaint as planners meet it: submitted through the API, given its agency
 * as the router would (routing has its own tests; these need a known agency),
 * then analysed as the worker's insight job does. Returns the item's id.
 */
export async function clusteredComplaint(
  stack: SuaraTestStack,
  agencyCode: string,
  text: string,
  reporter: { name?: string; email: string },
): Promise<string> {
  const res = await graphql(
    stack.url,
    'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode } }',
    { i: { cityCode: agencyCode.split('-')[0], kind: 'COMPLAINT', text, agencyCode, reporter } },
  );
  if (!res.data) throw new Error(`Submission failed: ${JSON.stringify(res.errors)}`);
  const [{ id }] = await stack.sql<{ id: string }>(
    `update feedback set status = 'ROUTED', agency_code = ? where tracking_code = ? returning id`,
    [agencyCode, (res.data.submitFeedback as { trackingCode: string }).trackingCode],
  );
  await stack.apis[0].get(InsightAnalysisService).analyse(id);
  return id;
}
