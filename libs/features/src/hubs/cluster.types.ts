import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tandem/platform';

/**
 * A cluster of schools, brokered by its Enterprise Coordinator(s). Exported for other features
 * (e.g. `School.cluster` in the schools feature, with `clusterLoader`).
 */
@ObjectType('Cluster')
export class ClusterType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Date, { nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('ClusterConnection')
export class ClusterConnection extends Paginated(ClusterType, 'Cluster') {}

@InputType('ClusterInput')
export class ClusterInput {
  @Field(() => String)
  name!: string;
}

@InputType('ClusterFilter')
export class ClusterFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name (case-insensitive).' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true })
  includeArchived?: boolean | null;
}

@ArgsType()
export class ClustersArgs extends PageArgs {
  @Field(() => ClusterFilter, { nullable: true })
  filter?: ClusterFilter | null;
}
