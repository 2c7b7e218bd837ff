"""The home-use flow (公的個人認証利用イメージ・自宅編): the wizard's data, backend and steps."""
