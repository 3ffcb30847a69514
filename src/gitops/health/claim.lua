-- Argo CD health of an AssessmentPlatform claim (argocd-cm resource.customizations.health).
-- Argo CD runs it in gopher-lua (Lua 5.1) with the claim as the global `obj`; test/gitops.test.ts
-- runs it with lua5.1 against a Ready, a progressing, a failing and a deleting claim.
local hs = { status = "Progressing", message = "Waiting for Crossplane to bind and reconcile the claim" }
if obj.metadata ~= nil and obj.metadata.deletionTimestamp ~= nil then
  hs.message = "Deleting: Crossplane removes the composed resources in the order the Usages give"
  return hs
end
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
local ready = nil
local synced = nil
for _, c in ipairs(obj.status.conditions) do
  if c.type == "Ready" then ready = c end
  if c.type == "Synced" then synced = c end
end
local function describe(c)
  return c.type .. "=" .. tostring(c.status) .. " (" .. (c.reason or "no reason") .. ")" .. (c.message and (": " .. c.message) or "")
end
-- A claim Crossplane cannot reconcile (a refused composition, a missing provider config) is failing.
if synced ~= nil and synced.status == "False" then
  hs.status = "Degraded"
  hs.message = describe(synced)
  return hs
end
if ready ~= nil and ready.status == "True" and synced ~= nil and synced.status == "True" then
  hs.status = "Healthy"
  local url = obj.status.api and obj.status.api.url
  hs.message = "Ready" .. (url and (": " .. url) or "")
  return hs
end
if ready ~= nil then
  hs.message = describe(ready)
end
return hs
