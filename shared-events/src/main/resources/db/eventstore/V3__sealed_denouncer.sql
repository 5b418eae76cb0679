-- The denouncer's identity is no longer kept in clear (API.md "The denouncer's identity"): each row holds the
-- identity sealed with AES-GCM under a data key of its own, and that data key wrapped (AES-GCM too) by the
-- deployment's master key, whose fingerprint is master_key_id (so a wrong key, or a rotation, is visible).
-- Erasure destroys the key material and keeps the row with erased_at.
--
-- There is no production data yet: rows written in clear by V2 lose their identity here and count as erased.
alter table confidential_denouncer
    drop column name,
    drop column address,
    drop column phone,
    add column master_key_id varchar(64),
    add column wrapped_key   bytea,
    add column iv            bytea,
    add column ciphertext    bytea;

update confidential_denouncer set erased_at = coalesce(erased_at, now());

-- either sealed and whole, or erased with nothing left to decrypt
alter table confidential_denouncer add constraint confidential_denouncer_sealed_or_erased check (
    (erased_at is null and master_key_id is not null and wrapped_key is not null and iv is not null
        and ciphertext is not null)
    or (erased_at is not null and master_key_id is null and wrapped_key is null and iv is null and ciphertext is null));

create unique index confidential_denouncer_one_per_complaint on confidential_denouncer (complaint_id);
drop index confidential_denouncer_complaint;
