-- Argo CD health of a child Application, as the root app sees it. Argo CD stopped assessing
-- Applications' health in 1.8; without this the root app's sync waves would not wait for a
-- child before the next one starts. A child counts as Healthy only once it is also in sync and
-- its last sync succeeded: a healthy child still applying a new revision is Progressing.
local hs = { status = "Progressing", message = "Waiting for the Application to sync" }
if obj.status == nil then
  return hs
end
local health = obj.status.health
local sync = obj.status.sync
local op = obj.status.operationState
if op ~= nil and (op.phase == "Failed" or op.phase == "Error") then
  hs.status = "Degraded"
  hs.message = "Sync " .. op.phase .. (op.message and (": " .. op.message) or "")
  return hs
end
if health ~= nil and health.status ~= nil and health.status ~= "Healthy" then
  hs.status = health.status
  hs.message = health.message or ""
  return hs
end
if health == nil or sync == nil or sync.status ~= "Synced" then
  hs.message = "Sync status " .. tostring(sync and sync.status) .. ", health " .. tostring(health and health.status)
  return hs
end
if op ~= nil and op.phase ~= nil and op.phase ~= "Succeeded" then
  hs.message = "Sync " .. op.phase
  return hs
end
hs.status = "Healthy"
hs.message = health.message or "Synced and healthy"
return hs
