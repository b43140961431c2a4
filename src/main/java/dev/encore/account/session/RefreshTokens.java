package dev.encore.account.session;

import org.springframework.data.repository.ListCrudRepository;

interface RefreshTokens extends ListCrudRepository<RefreshToken, String> {
}
