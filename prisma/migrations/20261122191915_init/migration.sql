-- CreateEnum
CREATE TYPE "Role" AS ENUM ('FAMILY', 'PROFESSIONAL', 'AANSPREEKPUNT', 'DECISION_HOLDER', 'EXPERT', 'OMBUDSMAN', 'GEMEENTE_ADMIN', 'PLATFORM_ADMIN');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('SUBMITTED', 'TRIAGE', 'INFO_REQUESTED', 'IN_PROGRESS', 'WITH_EXPERT_TEAM', 'DECISION_PROPOSED', 'DECIDED', 'MONITORING', 'CLOSED');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('NORMAL', 'HIGH', 'CRISIS');

-- CreateEnum
CREATE TYPE "Domain" AS ENUM ('JEUGDHULP', 'ONDERWIJS', 'WMO', 'WLZ', 'ZVW_GGZ');

-- CreateEnum
CREATE TYPE "CaseResult" AS ENUM ('RESOLVED', 'NOT_ADMISSIBLE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('FILER', 'PARENT', 'YOUTH', 'PROFESSIONAL', 'CLIENT_SUPPORTER');

-- CreateEnum
CREATE TYPE "InterventionType" AS ENUM ('CONSULTATION', 'CASE_CONFERENCE', 'ANALYSIS', 'PROVIDER_ARRANGEMENT', 'TAILORED_FUNDING', 'OTHER');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('OPEN', 'DONE', 'ENDED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertTeam" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,

    CONSTRAINT "ExpertTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gemeente" (
    "id" TEXT NOT NULL,
    "cbsCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,

    CONSTRAINT "Gemeente_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "organisation" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "gemeenteId" TEXT,
    "regionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "CaseNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "regionId" TEXT,
    "status" "CaseStatus" NOT NULL DEFAULT 'SUBMITTED',
    "result" "CaseResult",
    "urgency" "Urgency" NOT NULL DEFAULT 'NORMAL',
    "domains" "Domain"[],
    "childName" TEXT NOT NULL,
    "childBirthDate" DATE NOT NULL,
    "stuckDescription" TEXT NOT NULL,
    "triedDescription" TEXT NOT NULL,
    "needDescription" TEXT NOT NULL,
    "stuckSince" DATE,
    "deadlineAt" TIMESTAMP(3),
    "assigneeId" TEXT,
    "transferCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseParty" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "userId" TEXT,
    "role" "PartyRole" NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "organisation" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEntry" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT,
    "visibleToFamily" BOOLEAN NOT NULL DEFAULT true,
    "actorId" TEXT,
    "actorRole" "Role",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "referredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Intervention" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "type" "InterventionType" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "participants" TEXT NOT NULL,
    "familyInvolved" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "nextStep" TEXT,
    "loggedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Intervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionProposal" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "proposal" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "supersedesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "payer" TEXT NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'SUCCESS',
    "actorId" TEXT,
    "actorName" TEXT,
    "actorRole" "Role",
    "actorOrganisation" TEXT,
    "onBehalfOf" TEXT,
    "gemeenteId" TEXT,
    "caseId" TEXT,
    "caseNumber" TEXT,
    "changes" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "requestId" TEXT,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "gemeenteId" TEXT,
    "caseId" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertTeam_regionId_key" ON "ExpertTeam"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Gemeente_cbsCode_key" ON "Gemeente"("cbsCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_gemeenteId_role_idx" ON "Membership"("gemeenteId", "role");

-- CreateIndex
CREATE INDEX "Membership_regionId_role_idx" ON "Membership"("regionId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_role_gemeenteId_regionId_key" ON "Membership"("userId", "role", "gemeenteId", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_number_key" ON "Case"("number");

-- CreateIndex
CREATE INDEX "Case_gemeenteId_status_deadlineAt_idx" ON "Case"("gemeenteId", "status", "deadlineAt");

-- CreateIndex
CREATE INDEX "Case_regionId_status_deadlineAt_idx" ON "Case"("regionId", "status", "deadlineAt");

-- CreateIndex
CREATE INDEX "CaseParty_userId_idx" ON "CaseParty"("userId");

-- CreateIndex
CREATE INDEX "CaseParty_caseId_idx" ON "CaseParty"("caseId");

-- CreateIndex
CREATE INDEX "CaseParty_gemeenteId_idx" ON "CaseParty"("gemeenteId");

-- CreateIndex
CREATE INDEX "TimelineEntry_caseId_createdAt_idx" ON "TimelineEntry"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "TimelineEntry_gemeenteId_idx" ON "TimelineEntry"("gemeenteId");

-- CreateIndex
CREATE INDEX "Referral_caseId_idx" ON "Referral"("caseId");

-- CreateIndex
CREATE INDEX "Referral_gemeenteId_idx" ON "Referral"("gemeenteId");

-- CreateIndex
CREATE INDEX "Referral_regionId_idx" ON "Referral"("regionId");

-- CreateIndex
CREATE INDEX "Intervention_caseId_occurredOn_idx" ON "Intervention"("caseId", "occurredOn");

-- CreateIndex
CREATE INDEX "Intervention_gemeenteId_idx" ON "Intervention"("gemeenteId");

-- CreateIndex
CREATE INDEX "DecisionProposal_caseId_idx" ON "DecisionProposal"("caseId");

-- CreateIndex
CREATE INDEX "DecisionProposal_gemeenteId_idx" ON "DecisionProposal"("gemeenteId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_supersedesId_key" ON "Decision"("supersedesId");

-- CreateIndex
CREATE INDEX "Decision_caseId_idx" ON "Decision"("caseId");

-- CreateIndex
CREATE INDEX "Decision_gemeenteId_idx" ON "Decision"("gemeenteId");

-- CreateIndex
CREATE INDEX "Assignment_decisionId_idx" ON "Assignment"("decisionId");

-- CreateIndex
CREATE INDEX "Assignment_gemeenteId_status_dueOn_idx" ON "Assignment"("gemeenteId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_occurredAt_idx" ON "AuditEvent"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_gemeenteId_occurredAt_idx" ON "AuditEvent"("gemeenteId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chain_seq_key" ON "AuditEvent"("chain", "seq");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "ExpertTeam" ADD CONSTRAINT "ExpertTeam_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gemeente" ADD CONSTRAINT "Gemeente_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParty" ADD CONSTRAINT "CaseParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParty" ADD CONSTRAINT "CaseParty_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Intervention" ADD CONSTRAINT "Intervention_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionProposal" ADD CONSTRAINT "DecisionProposal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "DecisionProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
