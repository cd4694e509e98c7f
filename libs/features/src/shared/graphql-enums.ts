import { ACTIVITY_TYPES, FORMATS } from '@tandem/domain';
import { graphqlEnum } from '@tandem/platform';

/** GraphQL enums more than one feature's types use (each registered once). */
export const ActivityTypeEnum = graphqlEnum('ActivityType', ACTIVITY_TYPES, 'The kinds of employer encounter.');
export const FormatEnum = graphqlEnum('Format', FORMATS, 'Where an encounter happens.');
