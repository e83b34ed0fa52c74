#!/usr/bin/env sh
# Creates secrets.env, postgres.env and livekit.env with fresh random values (mode 0600), once:
# an existing file is never overwritten (changing these values has effects, see
# docs/operations.md "Deployment: Helm and compose", key rotation). Keep a copy with the kek/ backup.
set -eu
cd "$(dirname "$0")"
umask 077
rand() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
for f in secrets.env postgres.env livekit.env; do
  [ -e "$f" ] && { echo "$f exists, not touched" >&2; exit 1; }
done
db_password=$(rand 24)
livekit_secret=$(rand 32)
cat > secrets.env <<ENV
AMTSRAUM_LINKS_SECRET=$(rand 32)
AMTSRAUM_ANTIBOT_SECRET=$(rand 32)
AMTSRAUM_ACCOUNTS_INDEXSECRET=$(rand 32)
AMTSRAUM_HANDOVER_REFERENCESECRET=$(rand 32)
SPRING_DATASOURCE_PASSWORD=$db_password
AMTSRAUM_LIVEKIT_APISECRET=$livekit_secret
SPRING_MAIL_PASSWORD=
# Optional: encrypts kek/ at rest (base64 of 32 random bytes). Losing it loses all personal data,
# like losing kek/; keep a copy apart from the volume backups. Uncomment to use:
# AMTSRAUM_PRIVACY_KEKMASTERKEY=$(head -c 32 /dev/urandom | base64)
ENV
echo "POSTGRES_PASSWORD=$db_password" > postgres.env
echo "LIVEKIT_KEYS=amtsraum: $livekit_secret" > livekit.env
echo "written: secrets.env postgres.env livekit.env (set SPRING_MAIL_PASSWORD in secrets.env)"
