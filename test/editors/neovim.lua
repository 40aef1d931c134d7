-- Headless Neovim (0.7+) driving the Green ML language server: opens a file, waits for the
-- server's diagnostics, applies the first quick fix's edit, and writes what it saw as JSON.
-- Arguments come from the environment: GREENML_LSP_CMD (JSON array), GREENML_FILE, GREENML_OUT.
local cmd = vim.fn.json_decode(os.getenv('GREENML_LSP_CMD'))
local file = os.getenv('GREENML_FILE')
local out = os.getenv('GREENML_OUT')
local result = { diagnostics = {}, actions = {}, errors = {} }

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'greenml',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ':h'),
  on_error = function(code, err) table.insert(result.errors, tostring(code) .. ': ' .. vim.inspect(err)) end,
})
if not client_id then
  table.insert(result.errors, 'the server did not start')
  finish()
  return
end
vim.lsp.buf_attach_client(buf, client_id)

local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not ok then table.insert(result.errors, 'no diagnostics in 20 s') end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { code = d.code, source = d.source, lnum = d.lnum, col = d.col, message = d.message })
end

if ok then
  local first = vim.diagnostic.get(buf)[1]
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, first.lnum)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
    context = { diagnostics = lsp_diagnostics },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
  local applied = false
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if not applied and action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        applied = true
      end
    end
  end
  if applied then vim.cmd('write') end
  -- After the edit the server lints the new text: the fixed finding is gone.
  vim.wait(10000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == first.code then return false end end
    return true
  end, 50)
  result.after = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(result.after, d.code) end
end
finish()
