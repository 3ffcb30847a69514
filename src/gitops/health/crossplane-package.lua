-- Argo CD health of a Crossplane Provider or Function: Healthy once its revision is installed
-- and healthy, so the next sync wave starts only when the package's CRDs are served.
local hs = { status = "Progressing", message = "Waiting for the package to be installed" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
local installed = false
local healthy = false
for _, c in ipairs(obj.status.conditions) do
  if c.type == "Installed" and c.status == "True" then installed = true end
  if c.type == "Healthy" and c.status == "True" then healthy = true end
  if c.status == "False" and c.message ~= nil then hs.message = c.type .. ": " .. c.message end
end
if installed and healthy then
  hs.status = "Healthy"
  hs.message = "Installed and healthy"
end
return hs
