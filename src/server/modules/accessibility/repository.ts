import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { FeedbackStatus, StatementContent } from '../../../shared/accessibility.js';
import type { Language } from '../../../shared/common.js';
import type { Db } from '../../db/client.js';
import { accessibilityFeedback, accessibilityStatements, roleAssignments, users } from '../../db/schema/index.js';

export type StatementRow = typeof accessibilityStatements.$inferSelect & { savedByName: string | null };
export type FeedbackRow = typeof accessibilityFeedback.$inferSelect & { answeredByName: string | null };
export type NewFeedback = typeof accessibilityFeedback.$inferInsert;

const statementColumns = {
  id: accessibilityStatements.id,
  language: accessibilityStatements.language,
  version: accessibilityStatements.version,
  content: accessibilityStatements.content,
  savedBy: accessibilityStatements.savedBy,
  savedAt: accessibilityStatements.savedAt,
  savedByName: users.name,
};

/** The accessibility statement's versions and the feedback inbox: the only path to their tables. */
export const accessibilityRepository = {
  async currentStatement(db: Db, language: Language): Promise<StatementRow | undefined> {
    const [row] = await db
      .select(statementColumns)
      .from(accessibilityStatements)
      .leftJoin(users, eq(users.id, accessibilityStatements.savedBy))
      .where(eq(accessibilityStatements.language, language))
      .orderBy(desc(accessibilityStatements.version))
      .limit(1);
    return row;
  },

  async statementHistory(db: Db, language: Language): Promise<StatementRow[]> {
    return db
      .select(statementColumns)
      .from(accessibilityStatements)
      .leftJoin(users, eq(users.id, accessibilityStatements.savedBy))
      .where(eq(accessibilityStatements.language, language))
      .orderBy(desc(accessibilityStatements.version));
  },

  /** The next version of the language's statement; the unique index refuses a concurrent save of the same number. */
  async insertStatement(db: Db, language: Language, content: StatementContent, savedBy: string) {
    const [row] = await db
      .insert(accessibilityStatements)
      .values({
        language,
        content,
        savedBy,
        version: sql`(select coalesce(max(version), 0) + 1 from accessibility_statements where language = ${language})`,
      })
      .returning();
    return row!;
  },

  async insertFeedback(db: Db, row: NewFeedback) {
    const [created] = await db.insert(accessibilityFeedback).values(row).returning();
    return created!;
  },

  async feedback(db: Db, q: { status?: FeedbackStatus; id?: string }): Promise<FeedbackRow[]> {
    const rows = await db
      .select({ f: accessibilityFeedback, answeredByName: users.name })
      .from(accessibilityFeedback)
      .leftJoin(users, eq(users.id, accessibilityFeedback.answeredBy))
      .where(and(q.status ? eq(accessibilityFeedback.status, q.status) : undefined, q.id ? eq(accessibilityFeedback.id, q.id) : undefined))
      .orderBy(asc(accessibilityFeedback.dueAt));
    return rows.map((r) => ({ ...r.f, answeredByName: r.answeredByName }));
  },

  async lockFeedback(db: Db, id: string) {
    const [row] = await db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.id, id)).for('update');
    return row;
  },

  async updateFeedback(db: Db, id: string, patch: Partial<NewFeedback>) {
    await db.update(accessibilityFeedback).set(patch).where(eq(accessibilityFeedback.id, id));
  },

  /** Unanswered feedback whose reminder day (or deadline) has come and whose reminder has not gone out yet. */
  async dueForReminder(db: Db, kind: 'day10' | 'overdue', reminderAt: Date, now: Date) {
    const where =
      kind === 'overdue'
        ? and(eq(accessibilityFeedback.status, 'new'), lte(accessibilityFeedback.dueAt, now), isNull(accessibilityFeedback.overdueRemindedAt))
        : and(eq(accessibilityFeedback.status, 'new'), lte(accessibilityFeedback.receivedAt, reminderAt), isNull(accessibilityFeedback.remindedAt));
    return db.select().from(accessibilityFeedback).where(where).orderBy(asc(accessibilityFeedback.dueAt));
  },

  async markReminded(db: Db, ids: string[], kind: 'day10' | 'overdue', at: Date) {
    if (ids.length === 0) return;
    await db
      .update(accessibilityFeedback)
      .set(kind === 'overdue' ? { overdueRemindedAt: at, remindedAt: sql`coalesce(${accessibilityFeedback.remindedAt}, ${at.toISOString()}::timestamptz)` } : { remindedAt: at })
      .where(sql`${accessibilityFeedback.id} = any(${sql.param(ids)}::uuid[])`);
  },

  /** The coordinators who receive the reminders: every active account holding the role. */
  async coordinatorEmails(db: Db): Promise<string[]> {
    const rows = await db
      .selectDistinct({ email: users.email })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(users.active, true), eq(roleAssignments.role, 'coordinator')));
    return rows.map((r) => r.email);
  },
};
