/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      hubName\n      role\n      email\n      expiresAt\n      state\n      accountExists\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SwitchMembership($membershipId: ID!, $refreshToken: String) {\n    switchMembership(membershipId: $membershipId, refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n": typeof types.SwitchMembershipDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query BookingCalendar($dateFrom: String!, $dateTo: String!) {\n    bookingCalendar(dateFrom: $dateFrom, dateTo: $dateTo) {\n      id\n      title\n      activityType\n      schoolName\n      employerName\n      startsAt\n      endsAt\n      state\n      yearGroup\n      pupilCount\n    }\n  }\n": typeof types.BookingCalendarDocument,
    "\n  query Bookings($first: Int, $after: String, $filter: BookingFilter) {\n    bookings(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        schoolName\n        employerName\n        startsAt\n        endsAt\n        state\n        yearGroup\n        pupilCount\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.BookingsDocument,
    "\n  query Booking($id: ID!) {\n    booking(id: $id) {\n      id\n      title\n      activityType\n      format\n      schoolId\n      schoolName\n      employerId\n      employerName\n      startsAt\n      endsAt\n      state\n      yearGroup\n      pupilCount\n      offerId\n      offerSessionId\n      requestId\n      deliveredAt\n      recordedAt\n      transitions {\n        id\n        action\n        actorSide\n        byEmailLink\n        fromState\n        toState\n        reason\n        proposedAlternative\n        createdAt\n      }\n    }\n  }\n": typeof types.BookingDocument,
    "\n  query BookingEncounter($bookingId: ID!) {\n    encounters(first: 1, filter: { bookingId: $bookingId }) {\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.BookingEncounterDocument,
    "\n  mutation AcceptBooking($id: ID!) {\n    acceptBooking(id: $id) {\n      id\n      state\n    }\n  }\n": typeof types.AcceptBookingDocument,
    "\n  mutation DeclineBooking($id: ID!, $input: DeclineBookingInput) {\n    declineBooking(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.DeclineBookingDocument,
    "\n  mutation CancelBooking($id: ID!, $input: BookingReasonInput!) {\n    cancelBooking(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.CancelBookingDocument,
    "\n  mutation MarkBookingDelivered($id: ID!) {\n    markBookingDelivered(id: $id) {\n      id\n      state\n    }\n  }\n": typeof types.MarkBookingDeliveredDocument,
    "\n  query OfferSessionsForMove($id: ID!) {\n    offer(id: $id) {\n      id\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        capacity\n      }\n    }\n  }\n": typeof types.OfferSessionsForMoveDocument,
    "\n  mutation RescheduleBooking($id: ID!, $input: RescheduleBookingInput!) {\n    rescheduleBooking(id: $id, input: $input) {\n      id\n      state\n      startsAt\n    }\n  }\n": typeof types.RescheduleBookingDocument,
    "\n  mutation MarkBookingNoShow($id: ID!, $input: BookingReasonInput!) {\n    markBookingNoShow(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.MarkBookingNoShowDocument,
    "\n  query ClusterCoverage($clusterId: ID!) {\n    clusterCoverage(clusterId: $clusterId) {\n      id name academicYearLabel\n      policy { name }\n      figures { benchmark met pupils percentage gap }\n      groups { id name figures { benchmark met pupils percentage gap } byYearGroup { yearGroup figures { benchmark met pupils percentage gap } } }\n      headcountOnly { encounters headcount }\n    }\n  }\n": typeof types.ClusterCoverageDocument,
    "\n  query HubCoverage {\n    hubCoverage {\n      name academicYearLabel\n      policy { name }\n      figures { benchmark met pupils percentage gap }\n      groups { id name figures { benchmark met pupils percentage gap } }\n      headcountOnly { encounters headcount }\n    }\n  }\n": typeof types.HubCoverageDocument,
    "\n  query CoverageGaps($benchmark: Int!, $filter: CoverageGapFilter, $first: Int, $after: String) {\n    coverageGaps(benchmark: $benchmark, filter: $filter, first: $first, after: $after) {\n      nodes { pupilId reference yearGroup schoolId counted minimum priorityGroups }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": typeof types.CoverageGapsDocument,
    "\n  query PupilCoverage($pupilId: ID!) {\n    pupilCoverage(pupilId: $pupilId) {\n      pupilId reference yearGroup\n      statuses { benchmark state counted minimum windowLabel reasons }\n      encounters { encounterId date activityType title verdicts { benchmark counts reasons } }\n    }\n  }\n": typeof types.PupilCoverageDocument,
    "\n  query SchoolCoverage($schoolId: ID!, $academicYear: Int) {\n    schoolCoverage(schoolId: $schoolId, academicYear: $academicYear) {\n      id name academicYear academicYearLabel\n      figures { benchmark met pupils percentage gap priorityPupils priorityMet disadvantagedPupils disadvantagedMet }\n      byYearGroup { yearGroup figures { benchmark met pupils percentage gap priorityPupils priorityMet disadvantagedPupils disadvantagedMet } }\n      headcountOnly { encounters headcount }\n      policy { key name }\n    }\n  }\n": typeof types.SchoolCoverageDocument,
    "\n  query CoverageCsv($input: CoverageCsvInput!) {\n    coverageCsv(input: $input) { filename content contentType rows }\n  }\n": typeof types.CoverageCsvDocument,
    "\n  query CoverageSnapshots($filter: CoverageSnapshotFilter) {\n    coverageSnapshots(first: 10, filter: $filter) { nodes { id asOf kind takenAt figures { benchmark met pupils percentage } } totalCount }\n  }\n": typeof types.CoverageSnapshotsDocument,
    "\n  mutation TakeCoverageSnapshot($input: TakeCoverageSnapshotInput!) {\n    takeCoverageSnapshot(input: $input) { id asOf }\n  }\n": typeof types.TakeCoverageSnapshotDocument,
    "\n  query OpenSides {\n    requests(first: 20, filter: { status: \"open\" }) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        pupilCount\n        deadline\n        createdAt\n      }\n      totalCount\n    }\n    offers(first: 20, filter: { status: \"published\" }) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        yearGroups\n        pupilsPerSession\n        employer {\n          name\n        }\n        sessions {\n          id\n          status\n          startsAt\n        }\n      }\n      totalCount\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.OpenSidesDocument,
    "\n  query SchoolWaiting {\n    bookings(first: 50, filter: { states: [\"proposed\", \"accepted_by_employer\", \"delivered\"] }) {\n      nodes {\n        id\n        state\n        activityType\n        employerName\n        startsAt\n        endsAt\n      }\n    }\n  }\n": typeof types.SchoolWaitingDocument,
    "\n  query Waiting($vettingOn: String!) {\n    requests(first: 100, filter: { status: \"open\" }) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        createdAt\n        status\n      }\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    bookings(first: 100, filter: { states: [\"proposed\", \"accepted_by_school\", \"accepted_by_employer\", \"confirmed\", \"delivered\"] }) {\n      nodes {\n        id\n        state\n        schoolName\n        employerName\n        activityType\n        startsAt\n        endsAt\n        updatedAt\n      }\n    }\n    employers(first: 100, filter: { vettingStatus: \"not_vetted\", vettingOn: $vettingOn }) {\n      nodes {\n        id\n        name\n        vettingStatus {\n          vetted\n          validUntil\n        }\n      }\n    }\n    bookingSettings {\n      unansweredAfterDays\n    }\n  }\n": typeof types.WaitingDocument,
    "\n  query Employer($id: ID!) {\n    employer(id: $id) {\n      id\n      name\n      sector\n      sizeBand\n      postcode\n      website\n      maxRequestsPerMonth\n      vettingStatus {\n        vetted\n        validUntil\n        missingKinds\n        onDate\n      }\n      vettingChecks {\n        id\n        kind\n        outcome\n        checkedOn\n        expiresOn\n        documentRef\n        notes\n        recordedByName\n        recordedAt\n      }\n      contacts {\n        id\n        name\n        email\n        jobTitle\n        phone\n        dbsStatus\n        dbsCheckedOn\n      }\n    }\n  }\n": typeof types.EmployerDocument,
    "\n  mutation RecordVettingCheck($employerId: ID!, $input: VettingCheckInput!) {\n    recordVettingCheck(employerId: $employerId, input: $input) {\n      id\n    }\n  }\n": typeof types.RecordVettingCheckDocument,
    "\n  mutation AddEmployerContact($employerId: ID!, $input: EmployerContactInput!) {\n    addEmployerContact(employerId: $employerId, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.AddEmployerContactDocument,
    "\n  query Employers($first: Int, $after: String, $filter: EmployerFilter) {\n    employers(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        name\n        sector\n        sizeBand\n        postcode\n        maxRequestsPerMonth\n        vettingStatus {\n          vetted\n          validUntil\n          missingKinds\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.EmployersDocument,
    "\n  mutation UpdateEmployer($id: ID!, $input: UpdateEmployerInput!) {\n    updateEmployer(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateEmployerDocument,
    "\n  mutation CreateEmployer($input: CreateEmployerInput!) {\n    createEmployer(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateEmployerDocument,
    "\n  query Encounter($id: ID!) {\n    encounter(id: $id) {\n      id\n      title\n      date\n      activityType\n      format\n      status\n      schoolId\n      yearGroups\n      headcountOnly\n      headcount\n      attendanceCount\n      checklist\n      bookingId\n      durationMinutes\n      employers {\n        employerId\n        name\n        volunteers\n      }\n      benchmarks {\n        benchmark\n        counts\n        reasons\n      }\n      attendees {\n        pupilId\n        reference\n        yearGroup\n      }\n    }\n  }\n": typeof types.EncounterDocument,
    "\n  mutation SetEncounterChecklist($encounterId: ID!, $criteria: [String!]!) {\n    setEncounterChecklist(encounterId: $encounterId, criteria: $criteria) {\n      id\n      checklist\n      benchmarks {\n        benchmark\n        counts\n        reasons\n      }\n    }\n  }\n": typeof types.SetEncounterChecklistDocument,
    "\n  mutation RecordAttendance($encounterId: ID!, $input: AttendanceInput!) {\n    recordAttendance(encounterId: $encounterId, input: $input) {\n      added\n      removed\n      attendanceCount\n    }\n  }\n": typeof types.RecordAttendanceDocument,
    "\n  mutation RecordAttendanceCsv($encounterId: ID!, $input: AttendanceCsvInput!) {\n    recordAttendanceCsv(encounterId: $encounterId, input: $input) {\n      added\n      removed\n      attendanceCount\n      errors {\n        line\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RecordAttendanceCsvDocument,
    "\n  query YearPupils($schoolId: ID!, $yearGroup: Int!, $first: Int, $after: String) {\n    pupils(schoolId: $schoolId, first: $first, after: $after, filter: { yearGroup: $yearGroup }) {\n      nodes {\n        id\n        reference\n        displayName\n        disadvantaged\n        atRisk\n        send\n        careExperienced\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.YearPupilsDocument,
    "\n  query Encounters($first: Int, $after: String, $filter: EncounterFilter) {\n    encounters(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        date\n        activityType\n        format\n        status\n        yearGroups\n        headcountOnly\n        headcount\n        attendanceCount\n        checklist\n        bookingId\n        employers {\n          name\n        }\n        benchmarks {\n          benchmark\n          counts\n          reasons\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.EncountersDocument,
    "\n  mutation LogEncounter($input: LogEncounterInput!) {\n    logEncounter(input: $input) {\n      id\n    }\n  }\n": typeof types.LogEncounterDocument,
    "\n  query Clusters {\n    clusters(first: 100) {\n      nodes {\n        id\n        name\n        createdAt\n      }\n      totalCount\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        clusterId\n      }\n      totalCount\n    }\n    memberships(first: 100, filter: { role: COORDINATOR }) {\n      nodes {\n        id\n        clusterId\n        displayName\n        email\n      }\n    }\n  }\n": typeof types.ClustersDocument,
    "\n  mutation CreateCluster($input: ClusterInput!) {\n    createCluster(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateClusterDocument,
    "\n  query Hubs {\n    hubs {\n      id\n      name\n      slug\n      createdAt\n      archivedAt\n    }\n  }\n": typeof types.HubsDocument,
    "\n  mutation CreateHub($input: CreateHubInput!) {\n    createHub(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.CreateHubDocument,
    "\n  query People {\n    memberships(first: 100) {\n      nodes {\n        id\n        displayName\n        email\n        role\n        clusterId\n        schoolId\n        employerId\n        lastLoginAt\n      }\n      totalCount\n    }\n    invitations(first: 50) {\n      nodes {\n        id\n        email\n        role\n        state\n        expiresAt\n        createdAt\n        clusterId\n        schoolId\n        employerId\n      }\n      totalCount\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      role\n      state\n      expiresAt\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      id\n      state\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      state\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query Schools($first: Int, $after: String, $filter: SchoolFilter) {\n    schools(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        name\n        urn\n        postcode\n        phase\n        lowestYearGroup\n        highestYearGroup\n        clusterId\n        pupilCount\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.SchoolsDocument,
    "\n  mutation UpdateSchool($id: ID!, $input: UpdateSchoolInput!) {\n    updateSchool(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateSchoolDocument,
    "\n  mutation CreateSchool($input: CreateSchoolInput!) {\n    createSchool(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateSchoolDocument,
    "\n  query HubSettings {\n    hub {\n      id\n      name\n      slug\n      settings {\n        invitationValidityHours\n        matchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n        defaultMatchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n      }\n    }\n    bookingSettings {\n      reminderDaysBefore\n      sendFrom\n      sendUntil\n      sendOnWeekends\n      unansweredAfterDays\n      linkValidityDays\n      followUpHoursAfter\n    }\n  }\n": typeof types.HubSettingsDocument,
    "\n  mutation UpdateHub($input: UpdateHubInput!) {\n    updateHub(input: $input) {\n      id\n      name\n      settings {\n        invitationValidityHours\n      }\n    }\n  }\n": typeof types.UpdateHubDocument,
    "\n  mutation UpdateMatchingWeights($input: UpdateHubInput!) {\n    updateHub(input: $input) {\n      id\n      settings {\n        matchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n      }\n    }\n  }\n": typeof types.UpdateMatchingWeightsDocument,
    "\n  mutation UpdateBookingSettings($input: BookingSettingsInput!) {\n    updateBookingSettings(input: $input) {\n      reminderDaysBefore\n      sendFrom\n      sendUntil\n      sendOnWeekends\n      unansweredAfterDays\n      linkValidityDays\n      followUpHoursAfter\n    }\n  }\n": typeof types.UpdateBookingSettingsDocument,
    "\n  query BenchmarkPolicies {\n    hubBenchmarkPolicy {\n      id\n      key\n      version\n      name\n    }\n    benchmarkPolicies {\n      id\n      key\n      version\n      name\n      description\n      isDefault\n      benchmarks {\n        benchmark\n        label\n        windows {\n          label\n          minimum\n        }\n      }\n    }\n  }\n": typeof types.BenchmarkPoliciesDocument,
    "\n  mutation ChooseBenchmarkPolicy($input: ChooseBenchmarkPolicyInput!) {\n    chooseBenchmarkPolicy(input: $input) {\n      id\n      key\n      version\n      name\n    }\n  }\n": typeof types.ChooseBenchmarkPolicyDocument,
    "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      email\n      muted\n    }\n  }\n": typeof types.MyNotificationPreferencesDocument,
    "\n  mutation UpdateMyNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateMyNotificationPreferences(input: $input) {\n      email\n      muted\n    }\n  }\n": typeof types.UpdateMyNotificationPreferencesDocument,
    "\n  query EmployerImpact($employerId: ID!) {\n    employerImpact(employerId: $employerId) {\n      academicYear\n      encountersDelivered\n      pupilsReached\n      disadvantagedReached\n      headcountReached\n      shareDisadvantaged\n      volunteerHours\n    }\n  }\n": typeof types.EmployerImpactDocument,
    "\n  query MatchingRuns($first: Int) {\n    matchingRuns(first: $first) {\n      nodes {\n        id\n        scope\n        status\n        proposalCount\n        createdAt\n        cluster {\n          name\n        }\n      }\n      totalCount\n    }\n  }\n": typeof types.MatchingRunsDocument,
    "\n  query MatchingRun($id: ID!) {\n    matchingRun(id: $id) {\n      id\n      scope\n      status\n      phase\n      progress\n      optimal\n      objective\n      bound\n      relativeGap\n      errorMessage\n      createdAt\n      finishedAt\n      requestsConsidered\n      sessionsConsidered\n      proposalCount\n      unmatchedCount\n      pupilsCovered\n      gapPupilsCovered\n      solveMs\n      cluster {\n        name\n      }\n      proposals {\n        id\n        status\n        bookingId\n        schoolName\n        yearGroup\n        pupils\n        gapPupilsClosed\n        benchmark\n        activityType\n        format\n        offerTitle\n        employerName\n        startsAt\n        endsAt\n        distanceKm\n        employerMonthRemaining\n        worth\n        summary\n        reasons {\n          code\n          text\n        }\n      }\n      unmatched {\n        id\n        schoolName\n        activityType\n        yearGroup\n        pupils\n        summary\n      }\n    }\n  }\n": typeof types.MatchingRunDocument,
    "\n  mutation StartMatchingRun($input: StartMatchingRunInput!) {\n    startMatchingRun(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.StartMatchingRunDocument,
    "\n  mutation AcceptMatchingProposals($ids: [ID!]!) {\n    acceptMatchingProposals(ids: $ids) {\n      succeeded\n      failed\n      results {\n        proposalId\n        ok\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n": typeof types.AcceptMatchingProposalsDocument,
    "\n  mutation RejectMatchingProposals($ids: [ID!]!) {\n    rejectMatchingProposals(ids: $ids) {\n      succeeded\n      failed\n      results {\n        proposalId\n        ok\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n": typeof types.RejectMatchingProposalsDocument,
    "\n  query Offer($id: ID!) {\n    offer(id: $id) {\n      id\n      title\n      description\n      activityType\n      format\n      benchmark\n      durationMinutes\n      pupilsPerSession\n      sessionsAvailable\n      yearGroups\n      travelRadiusKm\n      status\n      employerId\n      employer {\n        id\n        name\n      }\n      availabilityWindows {\n        id\n        startsOn\n        endsOn\n        weekdays\n        startTime\n        endTime\n      }\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        capacity\n      }\n    }\n  }\n": typeof types.OfferDocument,
    "\n  mutation AddOfferSession($offerId: ID!, $input: OfferSessionInput!) {\n    addOfferSession(offerId: $offerId, input: $input) {\n      id\n    }\n  }\n": typeof types.AddOfferSessionDocument,
    "\n  mutation CancelOfferSession($id: ID!) {\n    cancelOfferSession(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelOfferSessionDocument,
    "\n  mutation RequestOfferSession($input: RequestOfferSessionInput!) {\n    requestOfferSession(input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.RequestOfferSessionDocument,
    "\n  mutation CreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateOfferDocument,
    "\n  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) {\n    updateOffer(id: $id, input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.UpdateOfferDocument,
    "\n  query Offers($first: Int, $after: String, $filter: OfferFilter) {\n    offers(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        benchmark\n        pupilsPerSession\n        sessionsAvailable\n        yearGroups\n        status\n        employer {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n          endsAt\n          status\n          capacity\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.OffersDocument,
    "\n  query SchoolOptions {\n    schools(first: 100) {\n      nodes {\n        id\n        name\n        urn\n        clusterId\n        lowestYearGroup\n        highestYearGroup\n      }\n      totalCount\n    }\n  }\n": typeof types.SchoolOptionsDocument,
    "\n  query ClusterOptions {\n    clusters(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ClusterOptionsDocument,
    "\n  query EmployerOptions {\n    employers(first: 100) {\n      nodes {\n        id\n        name\n      }\n      totalCount\n    }\n  }\n": typeof types.EmployerOptionsDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      mode\n      totalRows\n      processedRows\n      insertedRows\n      updatedRows\n      errorCount\n      errors {\n        line\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  query SchoolPupils($schoolId: ID!, $first: Int, $after: String, $filter: PupilFilter) {\n    school(id: $schoolId) {\n      id\n      name\n      lowestYearGroup\n      highestYearGroup\n      pupilCount\n      pupilCounts {\n        yearGroup\n        pupils\n        disadvantaged\n        send\n        careExperienced\n        atRisk\n      }\n    }\n    pupils(schoolId: $schoolId, first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        reference\n        displayName\n        yearGroup\n        dateOfBirth\n        disadvantaged\n        send\n        careExperienced\n        atRisk\n        onRollFrom\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.SchoolPupilsDocument,
    "\n  query Requests($first: Int, $after: String, $filter: RequestFilter) {\n    requests(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        pupilCount\n        formats\n        deadline\n        status\n        notes\n        createdAt\n        windows {\n          id\n          startsAt\n          endsAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.RequestsDocument,
    "\n  mutation CreateRequest($input: CreateRequestInput!) {\n    createRequest(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateRequestDocument,
    "\n  query CandidateOffers($filter: OfferFilter) {\n    offers(first: 50, filter: $filter) {\n      nodes {\n        id\n        title\n        format\n        pupilsPerSession\n        employer {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n          endsAt\n          status\n          capacity\n        }\n      }\n    }\n  }\n": typeof types.CandidateOffersDocument,
    "\n  mutation ProposeBooking($requestId: ID!, $offerSessionId: ID!) {\n    proposeBooking(requestId: $requestId, offerSessionId: $offerSessionId) {\n      id\n      state\n    }\n  }\n": typeof types.ProposeBookingDocument,
    "\n  query MyMemberships {\n    myMemberships {\n      membershipId\n      tenantName\n      tenantSlug\n      role\n      current\n    }\n  }\n": typeof types.MyMembershipsDocument,
};
const documents: Documents = {
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      hubName\n      role\n      email\n      expiresAt\n      state\n      accountExists\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SwitchMembership($membershipId: ID!, $refreshToken: String) {\n    switchMembership(membershipId: $membershipId, refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n": types.SwitchMembershipDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query BookingCalendar($dateFrom: String!, $dateTo: String!) {\n    bookingCalendar(dateFrom: $dateFrom, dateTo: $dateTo) {\n      id\n      title\n      activityType\n      schoolName\n      employerName\n      startsAt\n      endsAt\n      state\n      yearGroup\n      pupilCount\n    }\n  }\n": types.BookingCalendarDocument,
    "\n  query Bookings($first: Int, $after: String, $filter: BookingFilter) {\n    bookings(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        schoolName\n        employerName\n        startsAt\n        endsAt\n        state\n        yearGroup\n        pupilCount\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.BookingsDocument,
    "\n  query Booking($id: ID!) {\n    booking(id: $id) {\n      id\n      title\n      activityType\n      format\n      schoolId\n      schoolName\n      employerId\n      employerName\n      startsAt\n      endsAt\n      state\n      yearGroup\n      pupilCount\n      offerId\n      offerSessionId\n      requestId\n      deliveredAt\n      recordedAt\n      transitions {\n        id\n        action\n        actorSide\n        byEmailLink\n        fromState\n        toState\n        reason\n        proposedAlternative\n        createdAt\n      }\n    }\n  }\n": types.BookingDocument,
    "\n  query BookingEncounter($bookingId: ID!) {\n    encounters(first: 1, filter: { bookingId: $bookingId }) {\n      nodes {\n        id\n      }\n    }\n  }\n": types.BookingEncounterDocument,
    "\n  mutation AcceptBooking($id: ID!) {\n    acceptBooking(id: $id) {\n      id\n      state\n    }\n  }\n": types.AcceptBookingDocument,
    "\n  mutation DeclineBooking($id: ID!, $input: DeclineBookingInput) {\n    declineBooking(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n": types.DeclineBookingDocument,
    "\n  mutation CancelBooking($id: ID!, $input: BookingReasonInput!) {\n    cancelBooking(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n": types.CancelBookingDocument,
    "\n  mutation MarkBookingDelivered($id: ID!) {\n    markBookingDelivered(id: $id) {\n      id\n      state\n    }\n  }\n": types.MarkBookingDeliveredDocument,
    "\n  query OfferSessionsForMove($id: ID!) {\n    offer(id: $id) {\n      id\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        capacity\n      }\n    }\n  }\n": types.OfferSessionsForMoveDocument,
    "\n  mutation RescheduleBooking($id: ID!, $input: RescheduleBookingInput!) {\n    rescheduleBooking(id: $id, input: $input) {\n      id\n      state\n      startsAt\n    }\n  }\n": types.RescheduleBookingDocument,
    "\n  mutation MarkBookingNoShow($id: ID!, $input: BookingReasonInput!) {\n    markBookingNoShow(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n": types.MarkBookingNoShowDocument,
    "\n  query ClusterCoverage($clusterId: ID!) {\n    clusterCoverage(clusterId: $clusterId) {\n      id name academicYearLabel\n      policy { name }\n      figures { benchmark met pupils percentage gap }\n      groups { id name figures { benchmark met pupils percentage gap } byYearGroup { yearGroup figures { benchmark met pupils percentage gap } } }\n      headcountOnly { encounters headcount }\n    }\n  }\n": types.ClusterCoverageDocument,
    "\n  query HubCoverage {\n    hubCoverage {\n      name academicYearLabel\n      policy { name }\n      figures { benchmark met pupils percentage gap }\n      groups { id name figures { benchmark met pupils percentage gap } }\n      headcountOnly { encounters headcount }\n    }\n  }\n": types.HubCoverageDocument,
    "\n  query CoverageGaps($benchmark: Int!, $filter: CoverageGapFilter, $first: Int, $after: String) {\n    coverageGaps(benchmark: $benchmark, filter: $filter, first: $first, after: $after) {\n      nodes { pupilId reference yearGroup schoolId counted minimum priorityGroups }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n": types.CoverageGapsDocument,
    "\n  query PupilCoverage($pupilId: ID!) {\n    pupilCoverage(pupilId: $pupilId) {\n      pupilId reference yearGroup\n      statuses { benchmark state counted minimum windowLabel reasons }\n      encounters { encounterId date activityType title verdicts { benchmark counts reasons } }\n    }\n  }\n": types.PupilCoverageDocument,
    "\n  query SchoolCoverage($schoolId: ID!, $academicYear: Int) {\n    schoolCoverage(schoolId: $schoolId, academicYear: $academicYear) {\n      id name academicYear academicYearLabel\n      figures { benchmark met pupils percentage gap priorityPupils priorityMet disadvantagedPupils disadvantagedMet }\n      byYearGroup { yearGroup figures { benchmark met pupils percentage gap priorityPupils priorityMet disadvantagedPupils disadvantagedMet } }\n      headcountOnly { encounters headcount }\n      policy { key name }\n    }\n  }\n": types.SchoolCoverageDocument,
    "\n  query CoverageCsv($input: CoverageCsvInput!) {\n    coverageCsv(input: $input) { filename content contentType rows }\n  }\n": types.CoverageCsvDocument,
    "\n  query CoverageSnapshots($filter: CoverageSnapshotFilter) {\n    coverageSnapshots(first: 10, filter: $filter) { nodes { id asOf kind takenAt figures { benchmark met pupils percentage } } totalCount }\n  }\n": types.CoverageSnapshotsDocument,
    "\n  mutation TakeCoverageSnapshot($input: TakeCoverageSnapshotInput!) {\n    takeCoverageSnapshot(input: $input) { id asOf }\n  }\n": types.TakeCoverageSnapshotDocument,
    "\n  query OpenSides {\n    requests(first: 20, filter: { status: \"open\" }) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        pupilCount\n        deadline\n        createdAt\n      }\n      totalCount\n    }\n    offers(first: 20, filter: { status: \"published\" }) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        yearGroups\n        pupilsPerSession\n        employer {\n          name\n        }\n        sessions {\n          id\n          status\n          startsAt\n        }\n      }\n      totalCount\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.OpenSidesDocument,
    "\n  query SchoolWaiting {\n    bookings(first: 50, filter: { states: [\"proposed\", \"accepted_by_employer\", \"delivered\"] }) {\n      nodes {\n        id\n        state\n        activityType\n        employerName\n        startsAt\n        endsAt\n      }\n    }\n  }\n": types.SchoolWaitingDocument,
    "\n  query Waiting($vettingOn: String!) {\n    requests(first: 100, filter: { status: \"open\" }) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        createdAt\n        status\n      }\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    bookings(first: 100, filter: { states: [\"proposed\", \"accepted_by_school\", \"accepted_by_employer\", \"confirmed\", \"delivered\"] }) {\n      nodes {\n        id\n        state\n        schoolName\n        employerName\n        activityType\n        startsAt\n        endsAt\n        updatedAt\n      }\n    }\n    employers(first: 100, filter: { vettingStatus: \"not_vetted\", vettingOn: $vettingOn }) {\n      nodes {\n        id\n        name\n        vettingStatus {\n          vetted\n          validUntil\n        }\n      }\n    }\n    bookingSettings {\n      unansweredAfterDays\n    }\n  }\n": types.WaitingDocument,
    "\n  query Employer($id: ID!) {\n    employer(id: $id) {\n      id\n      name\n      sector\n      sizeBand\n      postcode\n      website\n      maxRequestsPerMonth\n      vettingStatus {\n        vetted\n        validUntil\n        missingKinds\n        onDate\n      }\n      vettingChecks {\n        id\n        kind\n        outcome\n        checkedOn\n        expiresOn\n        documentRef\n        notes\n        recordedByName\n        recordedAt\n      }\n      contacts {\n        id\n        name\n        email\n        jobTitle\n        phone\n        dbsStatus\n        dbsCheckedOn\n      }\n    }\n  }\n": types.EmployerDocument,
    "\n  mutation RecordVettingCheck($employerId: ID!, $input: VettingCheckInput!) {\n    recordVettingCheck(employerId: $employerId, input: $input) {\n      id\n    }\n  }\n": types.RecordVettingCheckDocument,
    "\n  mutation AddEmployerContact($employerId: ID!, $input: EmployerContactInput!) {\n    addEmployerContact(employerId: $employerId, input: $input) {\n      id\n      name\n    }\n  }\n": types.AddEmployerContactDocument,
    "\n  query Employers($first: Int, $after: String, $filter: EmployerFilter) {\n    employers(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        name\n        sector\n        sizeBand\n        postcode\n        maxRequestsPerMonth\n        vettingStatus {\n          vetted\n          validUntil\n          missingKinds\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.EmployersDocument,
    "\n  mutation UpdateEmployer($id: ID!, $input: UpdateEmployerInput!) {\n    updateEmployer(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateEmployerDocument,
    "\n  mutation CreateEmployer($input: CreateEmployerInput!) {\n    createEmployer(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateEmployerDocument,
    "\n  query Encounter($id: ID!) {\n    encounter(id: $id) {\n      id\n      title\n      date\n      activityType\n      format\n      status\n      schoolId\n      yearGroups\n      headcountOnly\n      headcount\n      attendanceCount\n      checklist\n      bookingId\n      durationMinutes\n      employers {\n        employerId\n        name\n        volunteers\n      }\n      benchmarks {\n        benchmark\n        counts\n        reasons\n      }\n      attendees {\n        pupilId\n        reference\n        yearGroup\n      }\n    }\n  }\n": types.EncounterDocument,
    "\n  mutation SetEncounterChecklist($encounterId: ID!, $criteria: [String!]!) {\n    setEncounterChecklist(encounterId: $encounterId, criteria: $criteria) {\n      id\n      checklist\n      benchmarks {\n        benchmark\n        counts\n        reasons\n      }\n    }\n  }\n": types.SetEncounterChecklistDocument,
    "\n  mutation RecordAttendance($encounterId: ID!, $input: AttendanceInput!) {\n    recordAttendance(encounterId: $encounterId, input: $input) {\n      added\n      removed\n      attendanceCount\n    }\n  }\n": types.RecordAttendanceDocument,
    "\n  mutation RecordAttendanceCsv($encounterId: ID!, $input: AttendanceCsvInput!) {\n    recordAttendanceCsv(encounterId: $encounterId, input: $input) {\n      added\n      removed\n      attendanceCount\n      errors {\n        line\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RecordAttendanceCsvDocument,
    "\n  query YearPupils($schoolId: ID!, $yearGroup: Int!, $first: Int, $after: String) {\n    pupils(schoolId: $schoolId, first: $first, after: $after, filter: { yearGroup: $yearGroup }) {\n      nodes {\n        id\n        reference\n        displayName\n        disadvantaged\n        atRisk\n        send\n        careExperienced\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.YearPupilsDocument,
    "\n  query Encounters($first: Int, $after: String, $filter: EncounterFilter) {\n    encounters(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        date\n        activityType\n        format\n        status\n        yearGroups\n        headcountOnly\n        headcount\n        attendanceCount\n        checklist\n        bookingId\n        employers {\n          name\n        }\n        benchmarks {\n          benchmark\n          counts\n          reasons\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.EncountersDocument,
    "\n  mutation LogEncounter($input: LogEncounterInput!) {\n    logEncounter(input: $input) {\n      id\n    }\n  }\n": types.LogEncounterDocument,
    "\n  query Clusters {\n    clusters(first: 100) {\n      nodes {\n        id\n        name\n        createdAt\n      }\n      totalCount\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        clusterId\n      }\n      totalCount\n    }\n    memberships(first: 100, filter: { role: COORDINATOR }) {\n      nodes {\n        id\n        clusterId\n        displayName\n        email\n      }\n    }\n  }\n": types.ClustersDocument,
    "\n  mutation CreateCluster($input: ClusterInput!) {\n    createCluster(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateClusterDocument,
    "\n  query Hubs {\n    hubs {\n      id\n      name\n      slug\n      createdAt\n      archivedAt\n    }\n  }\n": types.HubsDocument,
    "\n  mutation CreateHub($input: CreateHubInput!) {\n    createHub(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": types.CreateHubDocument,
    "\n  query People {\n    memberships(first: 100) {\n      nodes {\n        id\n        displayName\n        email\n        role\n        clusterId\n        schoolId\n        employerId\n        lastLoginAt\n      }\n      totalCount\n    }\n    invitations(first: 50) {\n      nodes {\n        id\n        email\n        role\n        state\n        expiresAt\n        createdAt\n        clusterId\n        schoolId\n        employerId\n      }\n      totalCount\n    }\n  }\n": types.PeopleDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      role\n      state\n      expiresAt\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      id\n      state\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      state\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query Schools($first: Int, $after: String, $filter: SchoolFilter) {\n    schools(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        name\n        urn\n        postcode\n        phase\n        lowestYearGroup\n        highestYearGroup\n        clusterId\n        pupilCount\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.SchoolsDocument,
    "\n  mutation UpdateSchool($id: ID!, $input: UpdateSchoolInput!) {\n    updateSchool(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateSchoolDocument,
    "\n  mutation CreateSchool($input: CreateSchoolInput!) {\n    createSchool(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateSchoolDocument,
    "\n  query HubSettings {\n    hub {\n      id\n      name\n      slug\n      settings {\n        invitationValidityHours\n        matchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n        defaultMatchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n      }\n    }\n    bookingSettings {\n      reminderDaysBefore\n      sendFrom\n      sendUntil\n      sendOnWeekends\n      unansweredAfterDays\n      linkValidityDays\n      followUpHoursAfter\n    }\n  }\n": types.HubSettingsDocument,
    "\n  mutation UpdateHub($input: UpdateHubInput!) {\n    updateHub(input: $input) {\n      id\n      name\n      settings {\n        invitationValidityHours\n      }\n    }\n  }\n": types.UpdateHubDocument,
    "\n  mutation UpdateMatchingWeights($input: UpdateHubInput!) {\n    updateHub(input: $input) {\n      id\n      settings {\n        matchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n      }\n    }\n  }\n": types.UpdateMatchingWeightsDocument,
    "\n  mutation UpdateBookingSettings($input: BookingSettingsInput!) {\n    updateBookingSettings(input: $input) {\n      reminderDaysBefore\n      sendFrom\n      sendUntil\n      sendOnWeekends\n      unansweredAfterDays\n      linkValidityDays\n      followUpHoursAfter\n    }\n  }\n": types.UpdateBookingSettingsDocument,
    "\n  query BenchmarkPolicies {\n    hubBenchmarkPolicy {\n      id\n      key\n      version\n      name\n    }\n    benchmarkPolicies {\n      id\n      key\n      version\n      name\n      description\n      isDefault\n      benchmarks {\n        benchmark\n        label\n        windows {\n          label\n          minimum\n        }\n      }\n    }\n  }\n": types.BenchmarkPoliciesDocument,
    "\n  mutation ChooseBenchmarkPolicy($input: ChooseBenchmarkPolicyInput!) {\n    chooseBenchmarkPolicy(input: $input) {\n      id\n      key\n      version\n      name\n    }\n  }\n": types.ChooseBenchmarkPolicyDocument,
    "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      email\n      muted\n    }\n  }\n": types.MyNotificationPreferencesDocument,
    "\n  mutation UpdateMyNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateMyNotificationPreferences(input: $input) {\n      email\n      muted\n    }\n  }\n": types.UpdateMyNotificationPreferencesDocument,
    "\n  query EmployerImpact($employerId: ID!) {\n    employerImpact(employerId: $employerId) {\n      academicYear\n      encountersDelivered\n      pupilsReached\n      disadvantagedReached\n      headcountReached\n      shareDisadvantaged\n      volunteerHours\n    }\n  }\n": types.EmployerImpactDocument,
    "\n  query MatchingRuns($first: Int) {\n    matchingRuns(first: $first) {\n      nodes {\n        id\n        scope\n        status\n        proposalCount\n        createdAt\n        cluster {\n          name\n        }\n      }\n      totalCount\n    }\n  }\n": types.MatchingRunsDocument,
    "\n  query MatchingRun($id: ID!) {\n    matchingRun(id: $id) {\n      id\n      scope\n      status\n      phase\n      progress\n      optimal\n      objective\n      bound\n      relativeGap\n      errorMessage\n      createdAt\n      finishedAt\n      requestsConsidered\n      sessionsConsidered\n      proposalCount\n      unmatchedCount\n      pupilsCovered\n      gapPupilsCovered\n      solveMs\n      cluster {\n        name\n      }\n      proposals {\n        id\n        status\n        bookingId\n        schoolName\n        yearGroup\n        pupils\n        gapPupilsClosed\n        benchmark\n        activityType\n        format\n        offerTitle\n        employerName\n        startsAt\n        endsAt\n        distanceKm\n        employerMonthRemaining\n        worth\n        summary\n        reasons {\n          code\n          text\n        }\n      }\n      unmatched {\n        id\n        schoolName\n        activityType\n        yearGroup\n        pupils\n        summary\n      }\n    }\n  }\n": types.MatchingRunDocument,
    "\n  mutation StartMatchingRun($input: StartMatchingRunInput!) {\n    startMatchingRun(input: $input) {\n      id\n      status\n    }\n  }\n": types.StartMatchingRunDocument,
    "\n  mutation AcceptMatchingProposals($ids: [ID!]!) {\n    acceptMatchingProposals(ids: $ids) {\n      succeeded\n      failed\n      results {\n        proposalId\n        ok\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n": types.AcceptMatchingProposalsDocument,
    "\n  mutation RejectMatchingProposals($ids: [ID!]!) {\n    rejectMatchingProposals(ids: $ids) {\n      succeeded\n      failed\n      results {\n        proposalId\n        ok\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n": types.RejectMatchingProposalsDocument,
    "\n  query Offer($id: ID!) {\n    offer(id: $id) {\n      id\n      title\n      description\n      activityType\n      format\n      benchmark\n      durationMinutes\n      pupilsPerSession\n      sessionsAvailable\n      yearGroups\n      travelRadiusKm\n      status\n      employerId\n      employer {\n        id\n        name\n      }\n      availabilityWindows {\n        id\n        startsOn\n        endsOn\n        weekdays\n        startTime\n        endTime\n      }\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        capacity\n      }\n    }\n  }\n": types.OfferDocument,
    "\n  mutation AddOfferSession($offerId: ID!, $input: OfferSessionInput!) {\n    addOfferSession(offerId: $offerId, input: $input) {\n      id\n    }\n  }\n": types.AddOfferSessionDocument,
    "\n  mutation CancelOfferSession($id: ID!) {\n    cancelOfferSession(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelOfferSessionDocument,
    "\n  mutation RequestOfferSession($input: RequestOfferSessionInput!) {\n    requestOfferSession(input: $input) {\n      id\n      state\n    }\n  }\n": types.RequestOfferSessionDocument,
    "\n  mutation CreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateOfferDocument,
    "\n  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) {\n    updateOffer(id: $id, input: $input) {\n      id\n      title\n    }\n  }\n": types.UpdateOfferDocument,
    "\n  query Offers($first: Int, $after: String, $filter: OfferFilter) {\n    offers(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        benchmark\n        pupilsPerSession\n        sessionsAvailable\n        yearGroups\n        status\n        employer {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n          endsAt\n          status\n          capacity\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.OffersDocument,
    "\n  query SchoolOptions {\n    schools(first: 100) {\n      nodes {\n        id\n        name\n        urn\n        clusterId\n        lowestYearGroup\n        highestYearGroup\n      }\n      totalCount\n    }\n  }\n": types.SchoolOptionsDocument,
    "\n  query ClusterOptions {\n    clusters(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.ClusterOptionsDocument,
    "\n  query EmployerOptions {\n    employers(first: 100) {\n      nodes {\n        id\n        name\n      }\n      totalCount\n    }\n  }\n": types.EmployerOptionsDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      mode\n      totalRows\n      processedRows\n      insertedRows\n      updatedRows\n      errorCount\n      errors {\n        line\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ImportJobDocument,
    "\n  query SchoolPupils($schoolId: ID!, $first: Int, $after: String, $filter: PupilFilter) {\n    school(id: $schoolId) {\n      id\n      name\n      lowestYearGroup\n      highestYearGroup\n      pupilCount\n      pupilCounts {\n        yearGroup\n        pupils\n        disadvantaged\n        send\n        careExperienced\n        atRisk\n      }\n    }\n    pupils(schoolId: $schoolId, first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        reference\n        displayName\n        yearGroup\n        dateOfBirth\n        disadvantaged\n        send\n        careExperienced\n        atRisk\n        onRollFrom\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.SchoolPupilsDocument,
    "\n  query Requests($first: Int, $after: String, $filter: RequestFilter) {\n    requests(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        pupilCount\n        formats\n        deadline\n        status\n        notes\n        createdAt\n        windows {\n          id\n          startsAt\n          endsAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.RequestsDocument,
    "\n  mutation CreateRequest($input: CreateRequestInput!) {\n    createRequest(input: $input) {\n      id\n    }\n  }\n": types.CreateRequestDocument,
    "\n  query CandidateOffers($filter: OfferFilter) {\n    offers(first: 50, filter: $filter) {\n      nodes {\n        id\n        title\n        format\n        pupilsPerSession\n        employer {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n          endsAt\n          status\n          capacity\n        }\n      }\n    }\n  }\n": types.CandidateOffersDocument,
    "\n  mutation ProposeBooking($requestId: ID!, $offerSessionId: ID!) {\n    proposeBooking(requestId: $requestId, offerSessionId: $offerSessionId) {\n      id\n      state\n    }\n  }\n": types.ProposeBookingDocument,
    "\n  query MyMemberships {\n    myMemberships {\n      membershipId\n      tenantName\n      tenantSlug\n      role\n      current\n    }\n  }\n": types.MyMembershipsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      hubName\n      role\n      email\n      expiresAt\n      state\n      accountExists\n    }\n  }\n"): typeof import('./graphql').InvitationPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchMembership($membershipId: ID!, $refreshToken: String) {\n    switchMembership(membershipId: $membershipId, refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n"): typeof import('./graphql').SwitchMembershipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      accessToken\n      refreshToken\n      accessTokenExpiresAt\n      me {\n        userId\n        email\n        displayName\n        tenantId\n        tenantName\n        tenantSlug\n        membershipId\n        role\n        clusterId\n        schoolId\n        employerId\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingCalendar($dateFrom: String!, $dateTo: String!) {\n    bookingCalendar(dateFrom: $dateFrom, dateTo: $dateTo) {\n      id\n      title\n      activityType\n      schoolName\n      employerName\n      startsAt\n      endsAt\n      state\n      yearGroup\n      pupilCount\n    }\n  }\n"): typeof import('./graphql').BookingCalendarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Bookings($first: Int, $after: String, $filter: BookingFilter) {\n    bookings(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        schoolName\n        employerName\n        startsAt\n        endsAt\n        state\n        yearGroup\n        pupilCount\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').BookingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Booking($id: ID!) {\n    booking(id: $id) {\n      id\n      title\n      activityType\n      format\n      schoolId\n      schoolName\n      employerId\n      employerName\n      startsAt\n      endsAt\n      state\n      yearGroup\n      pupilCount\n      offerId\n      offerSessionId\n      requestId\n      deliveredAt\n      recordedAt\n      transitions {\n        id\n        action\n        actorSide\n        byEmailLink\n        fromState\n        toState\n        reason\n        proposedAlternative\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').BookingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingEncounter($bookingId: ID!) {\n    encounters(first: 1, filter: { bookingId: $bookingId }) {\n      nodes {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').BookingEncounterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptBooking($id: ID!) {\n    acceptBooking(id: $id) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').AcceptBookingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineBooking($id: ID!, $input: DeclineBookingInput) {\n    declineBooking(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').DeclineBookingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelBooking($id: ID!, $input: BookingReasonInput!) {\n    cancelBooking(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').CancelBookingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkBookingDelivered($id: ID!) {\n    markBookingDelivered(id: $id) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').MarkBookingDeliveredDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfferSessionsForMove($id: ID!) {\n    offer(id: $id) {\n      id\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        capacity\n      }\n    }\n  }\n"): typeof import('./graphql').OfferSessionsForMoveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RescheduleBooking($id: ID!, $input: RescheduleBookingInput!) {\n    rescheduleBooking(id: $id, input: $input) {\n      id\n      state\n      startsAt\n    }\n  }\n"): typeof import('./graphql').RescheduleBookingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkBookingNoShow($id: ID!, $input: BookingReasonInput!) {\n    markBookingNoShow(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').MarkBookingNoShowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterCoverage($clusterId: ID!) {\n    clusterCoverage(clusterId: $clusterId) {\n      id name academicYearLabel\n      policy { name }\n      figures { benchmark met pupils percentage gap }\n      groups { id name figures { benchmark met pupils percentage gap } byYearGroup { yearGroup figures { benchmark met pupils percentage gap } } }\n      headcountOnly { encounters headcount }\n    }\n  }\n"): typeof import('./graphql').ClusterCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HubCoverage {\n    hubCoverage {\n      name academicYearLabel\n      policy { name }\n      figures { benchmark met pupils percentage gap }\n      groups { id name figures { benchmark met pupils percentage gap } }\n      headcountOnly { encounters headcount }\n    }\n  }\n"): typeof import('./graphql').HubCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoverageGaps($benchmark: Int!, $filter: CoverageGapFilter, $first: Int, $after: String) {\n    coverageGaps(benchmark: $benchmark, filter: $filter, first: $first, after: $after) {\n      nodes { pupilId reference yearGroup schoolId counted minimum priorityGroups }\n      pageInfo { endCursor hasNextPage }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').CoverageGapsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PupilCoverage($pupilId: ID!) {\n    pupilCoverage(pupilId: $pupilId) {\n      pupilId reference yearGroup\n      statuses { benchmark state counted minimum windowLabel reasons }\n      encounters { encounterId date activityType title verdicts { benchmark counts reasons } }\n    }\n  }\n"): typeof import('./graphql').PupilCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolCoverage($schoolId: ID!, $academicYear: Int) {\n    schoolCoverage(schoolId: $schoolId, academicYear: $academicYear) {\n      id name academicYear academicYearLabel\n      figures { benchmark met pupils percentage gap priorityPupils priorityMet disadvantagedPupils disadvantagedMet }\n      byYearGroup { yearGroup figures { benchmark met pupils percentage gap priorityPupils priorityMet disadvantagedPupils disadvantagedMet } }\n      headcountOnly { encounters headcount }\n      policy { key name }\n    }\n  }\n"): typeof import('./graphql').SchoolCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoverageCsv($input: CoverageCsvInput!) {\n    coverageCsv(input: $input) { filename content contentType rows }\n  }\n"): typeof import('./graphql').CoverageCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoverageSnapshots($filter: CoverageSnapshotFilter) {\n    coverageSnapshots(first: 10, filter: $filter) { nodes { id asOf kind takenAt figures { benchmark met pupils percentage } } totalCount }\n  }\n"): typeof import('./graphql').CoverageSnapshotsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakeCoverageSnapshot($input: TakeCoverageSnapshotInput!) {\n    takeCoverageSnapshot(input: $input) { id asOf }\n  }\n"): typeof import('./graphql').TakeCoverageSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenSides {\n    requests(first: 20, filter: { status: \"open\" }) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        pupilCount\n        deadline\n        createdAt\n      }\n      totalCount\n    }\n    offers(first: 20, filter: { status: \"published\" }) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        yearGroups\n        pupilsPerSession\n        employer {\n          name\n        }\n        sessions {\n          id\n          status\n          startsAt\n        }\n      }\n      totalCount\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').OpenSidesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolWaiting {\n    bookings(first: 50, filter: { states: [\"proposed\", \"accepted_by_employer\", \"delivered\"] }) {\n      nodes {\n        id\n        state\n        activityType\n        employerName\n        startsAt\n        endsAt\n      }\n    }\n  }\n"): typeof import('./graphql').SchoolWaitingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Waiting($vettingOn: String!) {\n    requests(first: 100, filter: { status: \"open\" }) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        createdAt\n        status\n      }\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    bookings(first: 100, filter: { states: [\"proposed\", \"accepted_by_school\", \"accepted_by_employer\", \"confirmed\", \"delivered\"] }) {\n      nodes {\n        id\n        state\n        schoolName\n        employerName\n        activityType\n        startsAt\n        endsAt\n        updatedAt\n      }\n    }\n    employers(first: 100, filter: { vettingStatus: \"not_vetted\", vettingOn: $vettingOn }) {\n      nodes {\n        id\n        name\n        vettingStatus {\n          vetted\n          validUntil\n        }\n      }\n    }\n    bookingSettings {\n      unansweredAfterDays\n    }\n  }\n"): typeof import('./graphql').WaitingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Employer($id: ID!) {\n    employer(id: $id) {\n      id\n      name\n      sector\n      sizeBand\n      postcode\n      website\n      maxRequestsPerMonth\n      vettingStatus {\n        vetted\n        validUntil\n        missingKinds\n        onDate\n      }\n      vettingChecks {\n        id\n        kind\n        outcome\n        checkedOn\n        expiresOn\n        documentRef\n        notes\n        recordedByName\n        recordedAt\n      }\n      contacts {\n        id\n        name\n        email\n        jobTitle\n        phone\n        dbsStatus\n        dbsCheckedOn\n      }\n    }\n  }\n"): typeof import('./graphql').EmployerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVettingCheck($employerId: ID!, $input: VettingCheckInput!) {\n    recordVettingCheck(employerId: $employerId, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').RecordVettingCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddEmployerContact($employerId: ID!, $input: EmployerContactInput!) {\n    addEmployerContact(employerId: $employerId, input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AddEmployerContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Employers($first: Int, $after: String, $filter: EmployerFilter) {\n    employers(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        name\n        sector\n        sizeBand\n        postcode\n        maxRequestsPerMonth\n        vettingStatus {\n          vetted\n          validUntil\n          missingKinds\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').EmployersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEmployer($id: ID!, $input: UpdateEmployerInput!) {\n    updateEmployer(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').UpdateEmployerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEmployer($input: CreateEmployerInput!) {\n    createEmployer(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateEmployerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Encounter($id: ID!) {\n    encounter(id: $id) {\n      id\n      title\n      date\n      activityType\n      format\n      status\n      schoolId\n      yearGroups\n      headcountOnly\n      headcount\n      attendanceCount\n      checklist\n      bookingId\n      durationMinutes\n      employers {\n        employerId\n        name\n        volunteers\n      }\n      benchmarks {\n        benchmark\n        counts\n        reasons\n      }\n      attendees {\n        pupilId\n        reference\n        yearGroup\n      }\n    }\n  }\n"): typeof import('./graphql').EncounterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetEncounterChecklist($encounterId: ID!, $criteria: [String!]!) {\n    setEncounterChecklist(encounterId: $encounterId, criteria: $criteria) {\n      id\n      checklist\n      benchmarks {\n        benchmark\n        counts\n        reasons\n      }\n    }\n  }\n"): typeof import('./graphql').SetEncounterChecklistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttendance($encounterId: ID!, $input: AttendanceInput!) {\n    recordAttendance(encounterId: $encounterId, input: $input) {\n      added\n      removed\n      attendanceCount\n    }\n  }\n"): typeof import('./graphql').RecordAttendanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttendanceCsv($encounterId: ID!, $input: AttendanceCsvInput!) {\n    recordAttendanceCsv(encounterId: $encounterId, input: $input) {\n      added\n      removed\n      attendanceCount\n      errors {\n        line\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').RecordAttendanceCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query YearPupils($schoolId: ID!, $yearGroup: Int!, $first: Int, $after: String) {\n    pupils(schoolId: $schoolId, first: $first, after: $after, filter: { yearGroup: $yearGroup }) {\n      nodes {\n        id\n        reference\n        displayName\n        disadvantaged\n        atRisk\n        send\n        careExperienced\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').YearPupilsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Encounters($first: Int, $after: String, $filter: EncounterFilter) {\n    encounters(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        date\n        activityType\n        format\n        status\n        yearGroups\n        headcountOnly\n        headcount\n        attendanceCount\n        checklist\n        bookingId\n        employers {\n          name\n        }\n        benchmarks {\n          benchmark\n          counts\n          reasons\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').EncountersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogEncounter($input: LogEncounterInput!) {\n    logEncounter(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').LogEncounterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Clusters {\n    clusters(first: 100) {\n      nodes {\n        id\n        name\n        createdAt\n      }\n      totalCount\n    }\n    schools(first: 100) {\n      nodes {\n        id\n        clusterId\n      }\n      totalCount\n    }\n    memberships(first: 100, filter: { role: COORDINATOR }) {\n      nodes {\n        id\n        clusterId\n        displayName\n        email\n      }\n    }\n  }\n"): typeof import('./graphql').ClustersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCluster($input: ClusterInput!) {\n    createCluster(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateClusterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Hubs {\n    hubs {\n      id\n      name\n      slug\n      createdAt\n      archivedAt\n    }\n  }\n"): typeof import('./graphql').HubsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateHub($input: CreateHubInput!) {\n    createHub(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"): typeof import('./graphql').CreateHubDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People {\n    memberships(first: 100) {\n      nodes {\n        id\n        displayName\n        email\n        role\n        clusterId\n        schoolId\n        employerId\n        lastLoginAt\n      }\n      totalCount\n    }\n    invitations(first: 50) {\n      nodes {\n        id\n        email\n        role\n        state\n        expiresAt\n        createdAt\n        clusterId\n        schoolId\n        employerId\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').PeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      role\n      state\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').InviteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').ResendInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Schools($first: Int, $after: String, $filter: SchoolFilter) {\n    schools(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        name\n        urn\n        postcode\n        phase\n        lowestYearGroup\n        highestYearGroup\n        clusterId\n        pupilCount\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').SchoolsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSchool($id: ID!, $input: UpdateSchoolInput!) {\n    updateSchool(id: $id, input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').UpdateSchoolDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchool($input: CreateSchoolInput!) {\n    createSchool(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateSchoolDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HubSettings {\n    hub {\n      id\n      name\n      slug\n      settings {\n        invitationValidityHours\n        matchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n        defaultMatchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n      }\n    }\n    bookingSettings {\n      reminderDaysBefore\n      sendFrom\n      sendUntil\n      sendOnWeekends\n      unansweredAfterDays\n      linkValidityDays\n      followUpHoursAfter\n    }\n  }\n"): typeof import('./graphql').HubSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateHub($input: UpdateHubInput!) {\n    updateHub(input: $input) {\n      id\n      name\n      settings {\n        invitationValidityHours\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateHubDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMatchingWeights($input: UpdateHubInput!) {\n    updateHub(input: $input) {\n      id\n      settings {\n        matchingWeights {\n          pupilBeyondGap\n          disadvantagedUplift\n          perKm\n          fairnessStep\n          fairnessCap\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateMatchingWeightsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBookingSettings($input: BookingSettingsInput!) {\n    updateBookingSettings(input: $input) {\n      reminderDaysBefore\n      sendFrom\n      sendUntil\n      sendOnWeekends\n      unansweredAfterDays\n      linkValidityDays\n      followUpHoursAfter\n    }\n  }\n"): typeof import('./graphql').UpdateBookingSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchmarkPolicies {\n    hubBenchmarkPolicy {\n      id\n      key\n      version\n      name\n    }\n    benchmarkPolicies {\n      id\n      key\n      version\n      name\n      description\n      isDefault\n      benchmarks {\n        benchmark\n        label\n        windows {\n          label\n          minimum\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').BenchmarkPoliciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChooseBenchmarkPolicy($input: ChooseBenchmarkPolicyInput!) {\n    chooseBenchmarkPolicy(input: $input) {\n      id\n      key\n      version\n      name\n    }\n  }\n"): typeof import('./graphql').ChooseBenchmarkPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      email\n      muted\n    }\n  }\n"): typeof import('./graphql').MyNotificationPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateMyNotificationPreferences(input: $input) {\n      email\n      muted\n    }\n  }\n"): typeof import('./graphql').UpdateMyNotificationPreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployerImpact($employerId: ID!) {\n    employerImpact(employerId: $employerId) {\n      academicYear\n      encountersDelivered\n      pupilsReached\n      disadvantagedReached\n      headcountReached\n      shareDisadvantaged\n      volunteerHours\n    }\n  }\n"): typeof import('./graphql').EmployerImpactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchingRuns($first: Int) {\n    matchingRuns(first: $first) {\n      nodes {\n        id\n        scope\n        status\n        proposalCount\n        createdAt\n        cluster {\n          name\n        }\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').MatchingRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchingRun($id: ID!) {\n    matchingRun(id: $id) {\n      id\n      scope\n      status\n      phase\n      progress\n      optimal\n      objective\n      bound\n      relativeGap\n      errorMessage\n      createdAt\n      finishedAt\n      requestsConsidered\n      sessionsConsidered\n      proposalCount\n      unmatchedCount\n      pupilsCovered\n      gapPupilsCovered\n      solveMs\n      cluster {\n        name\n      }\n      proposals {\n        id\n        status\n        bookingId\n        schoolName\n        yearGroup\n        pupils\n        gapPupilsClosed\n        benchmark\n        activityType\n        format\n        offerTitle\n        employerName\n        startsAt\n        endsAt\n        distanceKm\n        employerMonthRemaining\n        worth\n        summary\n        reasons {\n          code\n          text\n        }\n      }\n      unmatched {\n        id\n        schoolName\n        activityType\n        yearGroup\n        pupils\n        summary\n      }\n    }\n  }\n"): typeof import('./graphql').MatchingRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartMatchingRun($input: StartMatchingRunInput!) {\n    startMatchingRun(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').StartMatchingRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMatchingProposals($ids: [ID!]!) {\n    acceptMatchingProposals(ids: $ids) {\n      succeeded\n      failed\n      results {\n        proposalId\n        ok\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptMatchingProposalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectMatchingProposals($ids: [ID!]!) {\n    rejectMatchingProposals(ids: $ids) {\n      succeeded\n      failed\n      results {\n        proposalId\n        ok\n        error {\n          code\n          message\n          field\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RejectMatchingProposalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Offer($id: ID!) {\n    offer(id: $id) {\n      id\n      title\n      description\n      activityType\n      format\n      benchmark\n      durationMinutes\n      pupilsPerSession\n      sessionsAvailable\n      yearGroups\n      travelRadiusKm\n      status\n      employerId\n      employer {\n        id\n        name\n      }\n      availabilityWindows {\n        id\n        startsOn\n        endsOn\n        weekdays\n        startTime\n        endTime\n      }\n      sessions {\n        id\n        startsAt\n        endsAt\n        status\n        capacity\n      }\n    }\n  }\n"): typeof import('./graphql').OfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddOfferSession($offerId: ID!, $input: OfferSessionInput!) {\n    addOfferSession(offerId: $offerId, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddOfferSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOfferSession($id: ID!) {\n    cancelOfferSession(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CancelOfferSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestOfferSession($input: RequestOfferSessionInput!) {\n    requestOfferSession(input: $input) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').RequestOfferSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) {\n      id\n      title\n    }\n  }\n"): typeof import('./graphql').CreateOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) {\n    updateOffer(id: $id, input: $input) {\n      id\n      title\n    }\n  }\n"): typeof import('./graphql').UpdateOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Offers($first: Int, $after: String, $filter: OfferFilter) {\n    offers(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        title\n        activityType\n        format\n        benchmark\n        pupilsPerSession\n        sessionsAvailable\n        yearGroups\n        status\n        employer {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n          endsAt\n          status\n          capacity\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').OffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolOptions {\n    schools(first: 100) {\n      nodes {\n        id\n        name\n        urn\n        clusterId\n        lowestYearGroup\n        highestYearGroup\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').SchoolOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterOptions {\n    clusters(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').ClusterOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmployerOptions {\n    employers(first: 100) {\n      nodes {\n        id\n        name\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').EmployerOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      id\n      status\n      mode\n      totalRows\n      processedRows\n      insertedRows\n      updatedRows\n      errorCount\n      errors {\n        line\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolPupils($schoolId: ID!, $first: Int, $after: String, $filter: PupilFilter) {\n    school(id: $schoolId) {\n      id\n      name\n      lowestYearGroup\n      highestYearGroup\n      pupilCount\n      pupilCounts {\n        yearGroup\n        pupils\n        disadvantaged\n        send\n        careExperienced\n        atRisk\n      }\n    }\n    pupils(schoolId: $schoolId, first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        reference\n        displayName\n        yearGroup\n        dateOfBirth\n        disadvantaged\n        send\n        careExperienced\n        atRisk\n        onRollFrom\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').SchoolPupilsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Requests($first: Int, $after: String, $filter: RequestFilter) {\n    requests(first: $first, after: $after, filter: $filter) {\n      nodes {\n        id\n        schoolId\n        activityType\n        yearGroup\n        pupilCount\n        formats\n        deadline\n        status\n        notes\n        createdAt\n        windows {\n          id\n          startsAt\n          endsAt\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql').RequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRequest($input: CreateRequestInput!) {\n    createRequest(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CandidateOffers($filter: OfferFilter) {\n    offers(first: 50, filter: $filter) {\n      nodes {\n        id\n        title\n        format\n        pupilsPerSession\n        employer {\n          id\n          name\n        }\n        sessions {\n          id\n          startsAt\n          endsAt\n          status\n          capacity\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CandidateOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeBooking($requestId: ID!, $offerSessionId: ID!) {\n    proposeBooking(requestId: $requestId, offerSessionId: $offerSessionId) {\n      id\n      state\n    }\n  }\n"): typeof import('./graphql').ProposeBookingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMemberships {\n    myMemberships {\n      membershipId\n      tenantName\n      tenantSlug\n      role\n      current\n    }\n  }\n"): typeof import('./graphql').MyMembershipsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
