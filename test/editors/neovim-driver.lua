-- Drives virt-tune-ls through Neovim's own LSP client (test/editors/neovim.test.ts): with the README's
-- configuration already sourced, opens the file named by VT_FILE, waits for the diagnostics, asks
-- completion, hover and code actions where VT_PLACES says, and writes what came back as JSON to VT_OUT.
-- Written for every Neovim from 0.7 (Debian 12's) on: no API newer than 0.7 is called unless it exists.
local result = { errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('VT_OUT'))
  vim.cmd('qa!')
end

local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, 15000)
  if not responses then
    table.insert(result.errors, method .. ': ' .. tostring(err))
    return nil
  end
  for _, response in pairs(responses) do
    if response.err then table.insert(result.errors, method .. ': ' .. vim.inspect(response.err)) end
    if response.result ~= nil then return response.result end
  end
  return nil
end

local ok, failure = pcall(function()
  local version = vim.version()
  result.nvim = version.major .. '.' .. version.minor .. '.' .. version.patch
  local places = vim.fn.json_decode(os.getenv('VT_PLACES'))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('VT_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local clients = vim.lsp.get_clients or vim.lsp.get_active_clients
  result.attached = vim.wait(20000, function() return #clients({ bufnr = buf }) > 0 end, 50)
  for _, client in ipairs(clients({ bufnr = buf })) do result.client = client.name end
  vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  result.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, {
      line = diagnostic.lnum, character = diagnostic.col, endLine = diagnostic.end_lnum, endCharacter = diagnostic.end_col,
      code = diagnostic.code, severity = diagnostic.severity, message = diagnostic.message,
    })
  end

  local completion = request(buf, 'textDocument/completion', { textDocument = { uri = uri }, position = places.completion })
  if completion then
    local items = completion.items or completion
    result.completion = {}
    for _, item in ipairs(items) do table.insert(result.completion, { label = item.label, textEdit = item.textEdit }) end
  end

  local hover = request(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = places.hover })
  if hover then result.hover = hover.contents.value or hover.contents end

  result.codeActions = {}
  for _, diagnostic in ipairs(result.diagnostics) do
    local range = { start = { line = diagnostic.line, character = diagnostic.character }, ['end'] = { line = diagnostic.endLine, character = diagnostic.endCharacter } }
    local lsp = { range = range, message = diagnostic.message, code = diagnostic.code, severity = diagnostic.severity }
    local actions = request(buf, 'textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = { lsp } } })
    for _, action in ipairs(actions or {}) do table.insert(result.codeActions, { title = action.title, kind = action.kind, edit = action.edit }) end
  end
end)
if not ok then table.insert(result.errors, tostring(failure)) end
finish()
