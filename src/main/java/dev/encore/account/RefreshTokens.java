package dev.encore.account;

import org.springframework.data.repository.ListCrudRepository;

interface RefreshTokens extends ListCrudRepository<RefreshToken, String> {
}
