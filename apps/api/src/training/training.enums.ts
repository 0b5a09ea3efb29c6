import { registerEnumType } from '@nestjs/graphql';
import { TrainingMethod, TrainingPlanStatus, TrainingRoute } from '@suara/training';

registerEnumType(TrainingMethod, {
  name: 'TrainingMethod',
  description:
    'pelatihan, seminar, workshop, magang, studi banding, coaching/mentoring, e-learning',
});
registerEnumType(TrainingRoute, { name: 'TrainingRoute', description: 'klasikal / non-klasikal' });
registerEnumType(TrainingPlanStatus, { name: 'TrainingPlanStatus' });

export { TrainingMethod, TrainingPlanStatus, TrainingRoute };
