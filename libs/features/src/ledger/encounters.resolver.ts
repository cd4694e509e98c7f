import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Encounter } from '@tandem/persistence';
import { CalendarDateScalar, CurrentPrincipal, groupByKeys, type Connection, type GraphQLContext, type Principal } from '@tandem/platform';
import {
  AttendanceCsvInput,
  AttendanceInput,
  AttendanceResultType,
  AttendeeType,
  EncounterBenchmarkType,
  EncounterConnection,
  EncounterEmployerType,
  EncountersArgs,
  EncounterType,
  LogEncounterInput,
  UpdateEncounterInput,
} from './encounter.types';
import { EncountersService, type AttendanceOutcome } from './encounters.service';
import type { PolicyRecord } from './policies.repository';
import { PoliciesService } from './policies.service';

@Resolver(() => EncounterType)
export class EncountersResolver {
  constructor(
    private readonly service: EncountersService,
    private readonly policies: PoliciesService,
  ) {}

  @Query(() => EncounterType, { description: 'One encounter of a school in your scope (NOT_FOUND otherwise).' })
  encounter(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Encounter> {
    return this.service.get(p, id);
  }

  @Query(() => EncounterConnection, { description: 'Encounters of schools in your scope, newest first.' })
  encounters(@CurrentPrincipal() p: Principal, @Args() args: EncountersArgs): Promise<Connection<Encounter>> {
    return this.service.list(p, args.filter, args.first, args.after);
  }

  @Mutation(() => EncounterType, { description: 'A school logs an encounter (with attendance, or a headcount, and the checklist).' })
  logEncounter(@CurrentPrincipal() p: Principal, @Args('input') input: LogEncounterInput): Promise<Encounter> {
    return this.service.log(p, { ...input });
  }

  @Mutation(() => EncounterType, { description: 'Correct an encounter: date, status, type, format, year groups, employers, headcount.' })
  updateEncounter(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEncounterInput,
  ): Promise<Encounter> {
    return this.service.update(p, id, { ...input });
  }

  @Mutation(() => AttendanceResultType, { description: 'Record or correct who attended, by pupil id.' })
  recordAttendance(
    @CurrentPrincipal() p: Principal,
    @Args('encounterId', { type: () => ID }) encounterId: string,
    @Args('input') input: AttendanceInput,
  ): Promise<AttendanceOutcome> {
    return this.service.recordAttendance(p, encounterId, { ...input });
  }

  @Mutation(() => AttendanceResultType, {
    description: 'Record who attended from a CSV of pupil references; bad lines are reported by line number.',
  })
  recordAttendanceCsv(
    @CurrentPrincipal() p: Principal,
    @Args('encounterId', { type: () => ID }) encounterId: string,
    @Args('input') input: AttendanceCsvInput,
  ): Promise<AttendanceOutcome> {
    return this.service.recordAttendanceCsv(p, encounterId, { ...input });
  }

  @Mutation(() => EncounterType, { description: 'Set the meaningful checklist (the criteria ticked; replaces the list).' })
  setEncounterChecklist(
    @CurrentPrincipal() p: Principal,
    @Args('encounterId', { type: () => ID }) encounterId: string,
    @Args('criteria', { type: () => [String] }) criteria: string[],
  ): Promise<Encounter> {
    return this.service.setChecklist(p, encounterId, criteria);
  }

  // ── fields ────────────────────────────────────────────────────────────────

  @ResolveField(() => CalendarDateScalar)
  date(@Parent() encounter: Encounter): string {
    return encounter.occurredOn;
  }

  @ResolveField(() => Int, { description: 'Pupils recorded as attending (0 for headcount-only).' })
  async attendanceCount(@Parent() encounter: Encounter, @Context() ctx: GraphQLContext): Promise<number> {
    const loader = ctx.loaders.get<string, number>('encounterAttendanceCount', async (ids) => {
      const counts = await this.service.attendanceCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
    return loader.load(encounter.id);
  }

  @ResolveField(() => [EncounterEmployerType])
  employers(@Parent() encounter: Encounter, @Context() ctx: GraphQLContext): Promise<EncounterEmployerType[]> {
    const loader = ctx.loaders.get<string, EncounterEmployerType[]>('encounterEmployers', async (ids) =>
      groupByKeys(ids, await this.service.employersOf(ids), (r) => r.encounterId),
    );
    return loader.load(encounter.id);
  }

  @ResolveField(() => [EncounterBenchmarkType], {
    description: "Whether it counts for Benchmarks 5 and 6 under the hub's policy, and why not.",
  })
  async benchmarks(
    @Parent() encounter: Encounter,
    @CurrentPrincipal() p: Principal,
    @Context() ctx: GraphQLContext,
  ): Promise<EncounterBenchmarkType[]> {
    // The hub's policy, read once per request however many encounters are listed.
    const policy = ctx.loaders.get<'hub', PolicyRecord>('hubBenchmarkPolicy', async (keys) => {
      const found = await this.policies.forHub(p);
      return keys.map(() => found);
    });
    return this.service.benchmarks(encounter, (await policy.load('hub')).policy);
  }

  @ResolveField(() => [AttendeeType], {
    nullable: true,
    description: "Who attended (audited); null for those who may not see the school's pupils.",
  })
  attendees(@Parent() encounter: Encounter, @CurrentPrincipal() p: Principal): Promise<AttendeeType[] | null> {
    return this.service.attendees(p, encounter);
  }
}
