import { Injectable } from '@nestjs/common';
import { VETTING_KINDS, type CalendarDate, type ScopeFilter } from '@tandem/domain';
import {
  Employer,
  EmployerContact,
  TenantDb,
  TenantRepository,
  VettingCheck,
  isUuid,
  type Page,
  type PageRequest,
} from '@tandem/persistence';
import type { SelectQueryBuilder } from 'typeorm';

export interface EmployerListFilter {
  sector?: string;
  sizeBand?: string;
  search?: string;
  /** Vetted (true) or not (false) on `vettingOn`. */
  vetted?: boolean;
  vettingOn: CalendarDate;
  includeArchived: boolean;
}

@Injectable()
export class EmployerRepository extends TenantRepository<Employer> {
  constructor(db: TenantDb) {
    super(db, Employer, 'employer');
  }

  /** A page of employers within `scope` (viewEmployer), newest first, and how many match in all. */
  async list(scope: ScopeFilter, filter: EmployerListFilter, page: PageRequest): Promise<{ page: Page<Employer>; total: number }> {
    const narrow = (qb: SelectQueryBuilder<Employer>): SelectQueryBuilder<Employer> => {
      if (scope.kind === 'employer') qb.andWhere('employer.id = :scopeEmployerId', { scopeEmployerId: scope.employerId });
      else if (scope.kind !== 'all') qb.andWhere('false');
      if (!filter.includeArchived) qb.andWhere('employer.archived_at is null');
      if (filter.sector) qb.andWhere('employer.sector = :sector', { sector: filter.sector });
      if (filter.sizeBand) qb.andWhere('employer.size_band = :sizeBand', { sizeBand: filter.sizeBand });
      if (filter.search) {
        // Escape LIKE's wildcards so a search for "50%" means the text.
        const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        qb.andWhere('lower(employer.name) like :search', { search: pattern });
      }
      if (filter.vetted !== undefined) {
        qb.andWhere(
          `(select count(distinct v.kind) from vetting_checks v
             where v.employer_id = employer.id and v.archived_at is null and v.outcome = 'passed'
               and v.checked_on <= cast(:vettingOn as date) and v.expires_on >= cast(:vettingOn as date)) ${filter.vetted ? '=' : '<'} :kindCount`,
          { vettingOn: filter.vettingOn, kindCount: VETTING_KINDS.length },
        );
      }
      return qb;
    };
    return this.pageWithTotal(page, narrow);
  }
}

@Injectable()
export class EmployerContactRepository extends TenantRepository<EmployerContact> {
  constructor(db: TenantDb) {
    super(db, EmployerContact, 'contact');
  }

  /** Contacts of these employers, oldest first (for a DataLoader). */
  forEmployers(employerIds: readonly string[], includeArchived: boolean): Promise<EmployerContact[]> {
    const ids = [...new Set(employerIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.query((qb) => {
      qb.where('contact.employer_id in (:...ids)', { ids });
      if (!includeArchived) qb.andWhere('contact.archived_at is null');
      return qb.orderBy('contact.created_at', 'ASC').addOrderBy('contact.id', 'ASC').getMany();
    });
  }

  /** Any contact (archived too: the unique index covers them) of the employer with this email. */
  findByEmail(employerId: string, email: string): Promise<EmployerContact | null> {
    return this.query((qb) =>
      qb.where('contact.employer_id = :employerId and lower(contact.email) = lower(:email)', { employerId, email }).getOne(),
    );
  }
}

@Injectable()
export class VettingCheckRepository extends TenantRepository<VettingCheck> {
  constructor(db: TenantDb) {
    super(db, VettingCheck, 'vetting');
  }

  /** Checks of these employers, newest check first (for a DataLoader). */
  forEmployers(employerIds: readonly string[], includeArchived: boolean): Promise<VettingCheck[]> {
    const ids = [...new Set(employerIds.filter(isUuid))];
    if (!ids.length) return Promise.resolve([]);
    return this.query((qb) => {
      qb.where('vetting.employer_id in (:...ids)', { ids });
      if (!includeArchived) qb.andWhere('vetting.archived_at is null');
      return qb.orderBy('vetting.checked_on', 'DESC').addOrderBy('vetting.created_at', 'DESC').getMany();
    });
  }
}
