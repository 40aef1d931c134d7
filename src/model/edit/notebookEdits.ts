import type { Edit } from '../../core/types';
import type { NotebookDeploymentRecord } from '../hostingRecords';

/** A new code cell at the end of the notebook that deletes the endpoint; undefined when the notebook does not name what that needs. */
export function appendTeardownCell(deployment: NotebookDeploymentRecord): Edit[] | undefined {
  return deployment.teardown === undefined ? undefined : [{ start: deployment.appendAt, end: deployment.appendAt, text: `${deployment.teardown}\n` }];
}
