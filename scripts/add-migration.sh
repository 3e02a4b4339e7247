#!/usr/bin/env bash
# Adds a migration with the same name to each provider's own set (SQLite, SQL Server, PostgreSQL).
# Usage: scripts/add-migration.sh AddSomething
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for pair in Sqlite:SqliteZygoDbContext SqlServer:SqlServerZygoDbContext Postgres:PostgresZygoDbContext; do
  folder=${pair%%:*}
  context=${pair##*:}
  dotnet ef migrations add "$name" --project Zygo.Data --startup-project Zygo.Data \
    --context "$context" --output-dir "Migrations/$folder" --namespace "Zygo.Data.Migrations.$folder"
done
# EF writes a new snapshot under a folder named after the namespace; keep each next to its migrations.
if [ -d Zygo.Data/Zygo ]; then
  for folder in Sqlite SqlServer Postgres; do
    find Zygo.Data/Zygo -name '*ModelSnapshot.cs' -path "*/$folder/*" -exec mv {} "Zygo.Data/Migrations/$folder/" \;
  done
  rm -rf Zygo.Data/Zygo
fi
