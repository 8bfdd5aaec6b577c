//! Diesel table definitions. Platform tables are schema-qualified; tenant tables are not, because
//! they resolve through the search_path that only the tenancy entry point sets.

pub mod platform {
    diesel::table! {
        platform.tenants (id) {
            id -> Uuid,
            slug -> Text,
            name -> Text,
            schema_name -> Text,
            role_name -> Text,
            status -> Text,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        platform.users (id) {
            id -> Uuid,
            email -> Text,
            display_name -> Text,
            password_hash -> Text,
            is_platform_admin -> Bool,
            is_active -> Bool,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        platform.memberships (id) {
            id -> Uuid,
            user_id -> Uuid,
            tenant_id -> Uuid,
            role -> Text,
            municipality_id -> Nullable<Uuid>,
            created_at -> Timestamptz,
        }
    }

    diesel::table! {
        platform.refresh_tokens (id) {
            id -> Uuid,
            family_id -> Uuid,
            user_id -> Uuid,
            token_hash -> Bytea,
            issued_at -> Timestamptz,
            expires_at -> Timestamptz,
            used_at -> Nullable<Timestamptz>,
            revoked_at -> Nullable<Timestamptz>,
        }
    }

    diesel::table! {
        platform.login_failures (id) {
            id -> Int8,
            email -> Text,
            address -> Text,
            failed_at -> Timestamptz,
        }
    }

    diesel::table! {
        platform.jobs (id) {
            id -> Uuid,
            kind -> Text,
            tenant_id -> Nullable<Uuid>,
            dedup_key -> Nullable<Text>,
            payload -> Jsonb,
            status -> Text,
            attempts -> Int4,
            max_attempts -> Int4,
            run_at -> Timestamptz,
            locked_until -> Nullable<Timestamptz>,
            last_error -> Nullable<Text>,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
            claimed_by -> Nullable<Text>,
        }
    }

    diesel::table! {
        platform.outbox (id) {
            id -> Int8,
            tenant_id -> Uuid,
            kind -> Text,
            recipient -> Text,
            recipient_user_id -> Nullable<Uuid>,
            subject_key -> Text,
            message_id -> Text,
            subject -> Text,
            body_text -> Text,
            body_html -> Text,
            unsubscribe_url -> Nullable<Text>,
            sent_at -> Nullable<Timestamptz>,
            created_at -> Timestamptz,
            delivery_job_id -> Uuid,
        }
    }

    diesel::table! {
        platform.notification_settings (user_id) {
            user_id -> Uuid,
            digest -> Text,
            reminders -> Bool,
            unsubscribe_token -> Text,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        platform.spare_schemas (id) {
            id -> Uuid,
            created_at -> Timestamptz,
        }
    }

    diesel::joinable!(memberships -> users (user_id));
    diesel::joinable!(memberships -> tenants (tenant_id));
    diesel::joinable!(outbox -> jobs (delivery_job_id));
    diesel::allow_tables_to_appear_in_same_query!(
        tenants,
        users,
        memberships,
        jobs,
        outbox,
        notification_settings,
        spare_schemas
    );
}

pub mod tenant {
    diesel::table! {
        municipalities (id) {
            id -> Uuid,
            name -> Text,
            cbs_code -> Nullable<Text>,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        districts (id) {
            id -> Uuid,
            municipality_id -> Uuid,
            name -> Text,
            cbs_code -> Nullable<Text>,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        plans (id) {
            id -> Uuid,
            title -> Text,
            kind -> Text,
            start_year -> Int4,
            end_year -> Int4,
            status -> Text,
            adopted_on -> Nullable<Date>,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        priorities (id) {
            id -> Uuid,
            plan_id -> Uuid,
            parent_id -> Nullable<Uuid>,
            title -> Text,
            scope -> Text,
            municipality_id -> Nullable<Uuid>,
            district_id -> Nullable<Uuid>,
            opgave -> Text,
            ambitie -> Text,
            aanpak -> Text,
            doelstelling -> Text,
            partners -> Array<Text>,
            flankerend_beleid -> Text,
            owner_id -> Nullable<Uuid>,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        actions (id) {
            id -> Uuid,
            priority_id -> Uuid,
            title -> Text,
            description -> Text,
            owner_id -> Nullable<Uuid>,
            due_on -> Nullable<Date>,
            status -> Text,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::joinable!(districts -> municipalities (municipality_id));
    diesel::table! {
        indicators (id) {
            id -> Uuid,
            priority_id -> Uuid,
            name -> Text,
            description -> Text,
            unit -> Text,
            source -> Text,
            direction -> Text,
            police_code -> Nullable<Text>,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        indicator_targets (id) {
            id -> Uuid,
            indicator_id -> Uuid,
            municipality_id -> Nullable<Uuid>,
            baseline_period -> Nullable<Text>,
            baseline_value -> Nullable<Float8>,
            target_period -> Nullable<Text>,
            target_comparator -> Nullable<Text>,
            target_value -> Nullable<Float8>,
        }
    }

    diesel::table! {
        measurements (id) {
            id -> Uuid,
            indicator_id -> Uuid,
            municipality_id -> Nullable<Uuid>,
            period -> Text,
            value -> Float8,
            source_note -> Text,
            entered_by -> Uuid,
            entered_at -> Timestamptz,
        }
    }

    diesel::table! {
        measurement_history (id) {
            id -> Int8,
            measurement_id -> Uuid,
            indicator_id -> Uuid,
            municipality_id -> Nullable<Uuid>,
            period -> Text,
            value -> Float8,
            source_note -> Text,
            entered_by -> Uuid,
            entered_at -> Timestamptz,
            replaced_by -> Uuid,
            replaced_at -> Timestamptz,
            change -> Text,
        }
    }

    diesel::table! {
        audit_events (id) {
            id -> Int8,
            occurred_at -> Timestamptz,
            actor_id -> Nullable<Uuid>,
            entity_type -> Text,
            entity_id -> Uuid,
            action -> Text,
            before -> Nullable<Jsonb>,
            after -> Nullable<Jsonb>,
            changed_fields -> Array<Text>,
        }
    }

    diesel::table! {
        expert_groups (id) {
            id -> Uuid,
            name -> Text,
            description -> Text,
            chair_id -> Nullable<Uuid>,
            cadence -> Text,
            due_offset_days -> Int4,
            reviews_from -> Text,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        expert_group_priorities (group_id, priority_id) {
            group_id -> Uuid,
            priority_id -> Uuid,
        }
    }

    diesel::table! {
        expert_group_members (id) {
            id -> Uuid,
            group_id -> Uuid,
            user_id -> Nullable<Uuid>,
            name -> Nullable<Text>,
            organisation -> Text,
            email -> Nullable<Text>,
        }
    }

    diesel::table! {
        reviews (id) {
            id -> Uuid,
            group_id -> Uuid,
            period -> Text,
            status -> Text,
            summary -> Text,
            created_by -> Uuid,
            submitted_at -> Nullable<Timestamptz>,
            submitted_by -> Nullable<Uuid>,
            decided_at -> Nullable<Timestamptz>,
            decided_by -> Nullable<Uuid>,
            sent_back_at -> Nullable<Timestamptz>,
            sent_back_by -> Nullable<Uuid>,
            sent_back_reason -> Nullable<Text>,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        review_items (id) {
            id -> Uuid,
            review_id -> Uuid,
            priority_id -> Uuid,
            status -> Nullable<Text>,
            progress -> Text,
            activities -> Text,
            risks -> Text,
        }
    }

    diesel::table! {
        course_corrections (id) {
            id -> Uuid,
            review_id -> Uuid,
            priority_id -> Uuid,
            position -> Int4,
            description -> Text,
            owner -> Text,
            owner_id -> Nullable<Uuid>,
            follow_up_on -> Date,
        }
    }

    diesel::table! {
        commitments (id) {
            id -> Uuid,
            reference -> Text,
            title -> Text,
            description -> Text,
            municipality_id -> Uuid,
            made_on -> Date,
            meeting -> Text,
            made_by_id -> Uuid,
            requested_by -> Text,
            requested_by_party -> Text,
            responsible_officer_id -> Nullable<Uuid>,
            due_on -> Nullable<Date>,
            status -> Text,
            closed_on -> Nullable<Date>,
            closing_letter_reference -> Nullable<Text>,
            closing_letter_title -> Nullable<Text>,
            lapse_reason -> Nullable<Text>,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        commitment_priorities (commitment_id, priority_id) {
            commitment_id -> Uuid,
            priority_id -> Uuid,
        }
    }

    diesel::table! {
        safety_letters (id) {
            id -> Uuid,
            plan_id -> Uuid,
            period -> Text,
            version -> Int4,
            municipality_ids -> Array<Uuid>,
            status -> Text,
            failure_reason -> Nullable<Text>,
            automatic -> Bool,
            requested_by -> Nullable<Uuid>,
            requested_at -> Timestamptz,
            compiled_at -> Nullable<Timestamptz>,
            adopted_by -> Nullable<Uuid>,
            adopted_at -> Nullable<Timestamptz>,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        safety_letter_documents (letter_id) {
            letter_id -> Uuid,
            docx -> Bytea,
            html -> Text,
            docx_sha256 -> Text,
            generated_at -> Timestamptz,
            created_at -> Timestamptz,
        }
    }

    diesel::table! {
        safety_letter_schedule (id) {
            id -> Uuid,
            singleton -> Bool,
            enabled -> Bool,
            half_yearly -> Bool,
            due_days -> Int4,
            lead_days -> Int4,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::joinable!(safety_letters -> plans (plan_id));
    diesel::joinable!(safety_letter_documents -> safety_letters (letter_id));
    diesel::joinable!(actions -> priorities (priority_id));
    diesel::joinable!(commitments -> municipalities (municipality_id));
    diesel::joinable!(commitment_priorities -> commitments (commitment_id));
    diesel::joinable!(commitment_priorities -> priorities (priority_id));
    diesel::joinable!(expert_group_priorities -> expert_groups (group_id));
    diesel::joinable!(expert_group_priorities -> priorities (priority_id));
    diesel::joinable!(expert_group_members -> expert_groups (group_id));
    diesel::joinable!(reviews -> expert_groups (group_id));
    diesel::joinable!(review_items -> reviews (review_id));
    diesel::joinable!(course_corrections -> reviews (review_id));
    diesel::joinable!(indicators -> priorities (priority_id));
    diesel::joinable!(indicator_targets -> indicators (indicator_id));
    diesel::joinable!(measurements -> indicators (indicator_id));
    diesel::joinable!(measurements -> municipalities (municipality_id));
    diesel::allow_tables_to_appear_in_same_query!(
        municipalities,
        districts,
        plans,
        priorities,
        actions,
        indicators,
        indicator_targets,
        measurements,
        measurement_history,
        audit_events,
        expert_groups,
        expert_group_priorities,
        expert_group_members,
        reviews,
        review_items,
        course_corrections,
        commitments,
        commitment_priorities,
        safety_letters,
        safety_letter_documents,
        safety_letter_schedule
    );
}
